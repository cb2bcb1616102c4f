/**
 * Pages saying that port 25 is blocked (by an ISP, a network) and which port to use instead.
 * Port 25 is for server-to-server relay; people sending from a mail program should use 587 or 465
 * (RFC 6409, RFC 8314), which is exactly the advice these pages give.
 */
import { mentionsSubmissionPort } from './topic';
import type { Detector, Evidence } from './types';
import { PORT_25_BLOCKED, has } from './vocabulary';

export const portBlocked: Detector = {
  id: 'port-25-blocked',
  target: 'article',
  detect(facts): Evidence {
    const headline = `${facts.title}\n${facts.mainHeading}\n${facts.headings.join('\n')}\n${facts.description}`;
    const inHeadline = has(PORT_25_BLOCKED, headline);
    const inText = has(PORT_25_BLOCKED, facts.text);
    if (!inHeadline && !inText) return { score: 0, signals: [] };
    const alternative = mentionsSubmissionPort(facts.text);
    const signals = [inHeadline ? 'title:port-25-blocked' : 'text:port-25-blocked'];
    if (alternative) signals.push('text:port-25-alternative');
    const score = alternative ? (inHeadline ? 0.35 : 0.25) : 0.05;
    return { score, signals };
  },
};
