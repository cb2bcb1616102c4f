/**
 * Settings listed for one mailbox: a hosting panel's "mail client manual settings" table, a provider
 * page with incoming and outgoing servers in a table or definition list, or the same as labelled lines.
 * Help articles list settings too; signed-in.ts tells the two apart.
 */
import { firstHost, meaningOf } from './values';
import type { Detector, Evidence } from './types';

export const settingsTable: Detector = {
  id: 'settings-table',
  target: 'account',
  detect(facts, settings): Evidence {
    let outgoingHost = false;
    let outgoingPort = false;
    let incoming = false;
    let shape = 'table';
    for (const pair of facts.pairs) {
      const meaning = meaningOf(pair.key, pair.context);
      if (meaning.role === 'server' && meaning.direction === 'outgoing' && firstHost(pair.value) !== null) {
        outgoingHost = true;
        shape = /^dl$/i.test(pair.container.tagName) ? 'list' : 'table';
      } else if (meaning.role === 'port' && meaning.direction === 'outgoing') {
        outgoingPort = true;
      } else if (meaning.role === 'server' && meaning.direction === 'incoming') {
        incoming = true;
      }
    }
    const signals: string[] = [];
    let score = 0;
    if (outgoingHost) {
      score += 0.4;
      signals.push(`${shape}:outgoing-server`);
      if (outgoingPort || settings.port !== null) {
        score += 0.15;
        signals.push(`${shape}:outgoing-port`);
      }
      if (incoming || settings.incomingServer !== null) {
        score += 0.05;
        signals.push(`${shape}:incoming-server`);
      }
    } else if (settings.outgoingServer !== null && settings.port !== null) {
      // Labelled lines ("Server: smtp.example.net", "Port: 587") under an outgoing heading.
      score += 0.3;
      signals.push('lines:outgoing-server');
    }
    return { score, signals };
  },
};
