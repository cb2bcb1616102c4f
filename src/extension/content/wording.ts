/**
 * What the hint says, as message keys and their values, chosen from what the page states. Pure, so a
 * unit test covers every case without a browser. On an account page that already gives a secure
 * submission setting (465 with SSL/TLS, 587 with STARTTLS), the hint confirms the page's own setting
 * rather than naming another port.
 */
import type { MessageKey } from '../platform/i18n';
import type { PageSettings } from '../platform/messages';
import { pageSubmission } from './page-target';

export type Words = [MessageKey, ...(string | number)[]];

export interface HintWording {
  /** The one line of the collapsed hint. */
  line: Words;
  /** The sentence of the expanded hint. */
  body: Words;
}

const SECURITY_WORD = { tls: 'SSL/TLS', starttls: 'STARTTLS' } as const;

export function hintWording(kind: 'article' | 'account', settings: PageSettings): HintWording {
  if (kind === 'article') return { line: ['hintArticleLine'], body: ['hintArticle'] };
  const submission = pageSubmission(settings);
  if (!submission || submission.security === 'none') return { line: ['hintAccountLine'], body: ['hintAccount'] };
  const security = SECURITY_WORD[submission.security];
  return {
    line: ['hintAccountFollowsLine', submission.port, security],
    body: ['hintAccountFollows', submission.port, security],
  };
}
