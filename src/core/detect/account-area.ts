/**
 * The other side of signed-in.ts: a page inside someone's account area (a sign-out control or an
 * account URL, and no help-site URL or step-by-step text) is not a public help article, even when it
 * names the outgoing server as often as one.
 */
import { isAccountUrl } from './signed-in';
import { isHelpUrl } from './topic';
import type { Detector, Evidence } from './types';
import { STEP_VERB, countMatches } from './vocabulary';

export const accountArea: Detector = {
  id: 'account-area',
  target: 'article',
  detect(facts): Evidence {
    const inAccount = facts.signOut || isAccountUrl(facts.url);
    if (!inAccount || isHelpUrl(facts.url) || countMatches(STEP_VERB, facts.text) >= 3) return { score: 0, signals: [] };
    return { score: -0.2, signals: ['article:in-account-area'] };
  },
};
