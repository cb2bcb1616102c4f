/**
 * Forms that edit one account's outgoing server: webmail "send as" dialogs, Roundcube-style identity
 * forms, external-account wizards. A control labelled as the outgoing server, or a port control inside
 * the outgoing part of the form, is the evidence.
 */
import { meaningOf } from './values';
import type { Detector, Evidence } from './types';

export const accountForm: Detector = {
  id: 'account-form',
  target: 'account',
  detect(facts): Evidence {
    let server = false;
    let port = false;
    let security = false;
    for (const field of facts.fields) {
      const meaning = meaningOf(field.label, field.context);
      if (meaning.direction !== 'outgoing') continue;
      if (meaning.role === 'server' && field.type !== 'radio' && field.type !== 'checkbox') server = true;
      else if (meaning.role === 'port') port = true;
      else if (meaning.role === 'security') security = true;
    }
    if (!server && !port) return { score: 0, signals: [] };
    const signals: string[] = [];
    let score = 0;
    if (server) {
      score += 0.45;
      signals.push('form:label:outgoing-server');
    }
    if (port) {
      score += 0.3;
      signals.push('form:label:outgoing-port');
    }
    if (security) {
      score += 0.1;
      signals.push('form:label:security');
    }
    return { score, signals };
  },
};
