/**
 * Help articles that explain how to set the outgoing (SMTP) server or port in a mail client:
 * the headline names the outgoing server, SMTP or a mail port (or mail set-up in general), and the
 * text names servers, ports, mail programs and the steps to take.
 */
import { isHelpUrl, headlineText, mentionsSubmissionPort, topicOf } from './topic';
import type { Detector, Evidence } from './types';
import { MAIL_CLIENT, MAIL_WORD, OUTGOING_SERVER, SETUP_WORD, STEP_VERB, countMatches, has } from './vocabulary';

export const helpArticle: Detector = {
  id: 'article',
  target: 'article',
  detect(facts, settings): Evidence {
    const signals: string[] = [];
    let score = 0;
    const headline = topicOf(headlineText(facts));
    const heading = headline ? null : facts.headings.map(topicOf).find((reason) => reason !== null) ?? null;
    const described = headline || heading ? null : topicOf(facts.description);
    if (headline) {
      score += 0.35;
      signals.push(`title:${headline}`);
    } else if (heading) {
      score += 0.25;
      signals.push(`heading:${heading}`);
    } else if (described) {
      score += 0.15;
      signals.push(`meta:${described}`);
    }
    const headlineWords = headlineText(facts);
    const mailSetup = !headline && !heading && !described && has(MAIL_WORD, headlineWords) && has(SETUP_WORD, headlineWords);
    if (mailSetup) {
      score += 0.2;
      signals.push('title:mail-setup');
    }

    const outgoing = countMatches(OUTGOING_SERVER, facts.text);
    if (outgoing > 0) {
      score += outgoing >= 3 ? 0.3 : 0.2;
      signals.push(`text:outgoing-server${outgoing >= 3 ? ':many' : ''}`);
    }
    if (mentionsSubmissionPort(facts.text)) {
      score += 0.15;
      signals.push('text:submission-port');
    }
    if (countMatches(MAIL_CLIENT, facts.text) > 0) {
      score += 0.15;
      signals.push('text:mail-client');
    }
    const steps = countMatches(STEP_VERB, facts.text);
    if (steps >= 2) {
      score += 0.15;
      signals.push('text:steps');
    }
    if (isHelpUrl(facts.url)) {
      score += 0.1;
      signals.push('url:help');
    }
    if (settings.outgoingServer !== null || settings.port !== null) {
      score += 0.05;
      signals.push('text:settings-stated');
    }
    // Without a headline on the subject, the text must name the outgoing server under a mail set-up
    // headline, say it more than once with steps, or state its settings on a help page.
    const statesSettings = settings.outgoingServer !== null && settings.port !== null;
    const onTopic =
      headline !== null ||
      heading !== null ||
      described !== null ||
      (mailSetup && outgoing > 0) ||
      (outgoing >= 2 && steps >= 2) ||
      (statesSettings && isHelpUrl(facts.url));
    if (!onTopic) score = Math.min(score, 0.3);
    return { score, signals };
  },
};
