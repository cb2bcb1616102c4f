/**
 * Which mail client a page is about, as an id of src/core/clients (or of a client still to be added there).
 * The title and main heading decide when they name one; otherwise the client the text names most often.
 * More specific names come first, so "Windows Live Mail" is not taken for "Windows Mail" or Outlook.
 */
import type { PageFacts } from './types';
import { countMatches, words } from './vocabulary';

const CLIENT_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['outlook-new', words('(?:the )?new outlook', 'nuevo outlook', 'neue[ns]? outlook', 'nouvel outlook', 'novo outlook', 'nuovo outlook', 'nieuwe outlook')],
  ['outlook-mac', words('outlook (?:for|para|für|pour|per|voor|no|sur|on)(?: the)? mac', 'outlook 20\\d\\d for mac')],
  ['outlook-2007', words('outlook 2007')],
  ['outlook-2003', words('outlook 2003')],
  ['windows-live-mail', words('windows live mail')],
  ['windows-mail', words('windows mail', 'mail (?:app )?(?:for|für|para|pour|per|voor) windows')],
  ['samsung-email', words('samsung e-?mail')],
  ['gmail-android', words('gmail app', 'gmail-app', 'app gmail', 'aplicación (?:de )?gmail', 'gmail (?:for|on|para|für) android')],
  ['em-client', words('em ?client')],
  ['apple-mail-legacy', words('mac os x mail', 'mail (?:on|in|for) (?:mac )?os x')],
  ['ios-mail', words('iphone', 'ipad', 'ios')],
  ['apple-mail', words('apple mail', 'mail\\.app', 'mail (?:on|for|in|auf|sur|su|no|en) (?:a |your |dem |le |il |o |el |je )?mac(?:os)?', 'macos mail')],
  ['thunderbird', words('thunderbird', 'betterbird')],
  ['outlook-classic', words('outlook(?!\\.com)')],
  ['gmail-web', words('gmail')],
];

/** Broad names that also match the specific ones listed: "outlook" inside "new Outlook", "gmail" inside "Gmail app". */
const BROADER: Readonly<Record<string, readonly string[]>> = {
  'outlook-classic': ['outlook-new', 'outlook-mac', 'outlook-2007', 'outlook-2003'],
  'gmail-web': ['gmail-android'],
};

function best(text: string): string | null {
  const counts = new Map(CLIENT_PATTERNS.map(([id, pattern]) => [id, countMatches(pattern, text, 20)]));
  let winner: string | null = null;
  let most = 0;
  let tied = false;
  for (const [id] of CLIENT_PATTERNS) {
    const narrower = (BROADER[id] ?? []).reduce((sum, other) => sum + (counts.get(other) ?? 0), 0);
    const count = (counts.get(id) ?? 0) - narrower;
    if (count > most) {
      most = count;
      winner = id;
      tied = false;
    } else if (count === most && count > 0) {
      tied = true;
    }
  }
  // A page that names several clients equally often is about none of them in particular.
  return tied ? null : winner;
}

function first(text: string): string | null {
  for (const [id, pattern] of CLIENT_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      pattern.lastIndex = 0;
      return id;
    }
  }
  return null;
}

export function detectClient(facts: PageFacts): string | null {
  return first(`${facts.title}\n${facts.mainHeading}`) ?? best(facts.text);
}
