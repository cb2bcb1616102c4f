import { describe, expect, it } from 'vitest';
import type { Authentication, PortResult, ProbeReport, Recommendation, Security } from '../../src/core/api';
import { CLIENTS } from '../../src/core/clients/registry';
import { LOCALES } from '../../src/core/clients/types';
import { composeReply, type ReplyFormat } from '../../src/core/diagnosis/reply';

function port(port: PortResult['port'], state: PortResult['state'], security: Security, auth: string[]): PortResult {
  return {
    port,
    address: '192.0.2.10',
    family: 4,
    state,
    message: `port ${port} ${state}`,
    banner: state === 'ok' ? 'mail.example.net ESMTP' : null,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security,
    tls: null,
    auth,
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
  };
}

const PORTS: PortResult[] = [
  port(25, 'timeout', 'none', []),
  port(465, 'ok', 'tls', ['PLAIN', 'LOGIN']),
  port(587, 'ok', 'starttls', ['PLAIN', 'LOGIN']),
];

function report(recommendation: Recommendation | null): ProbeReport {
  return {
    target: 'customer@example.net',
    kind: 'email',
    server: 'mail.example.net',
    discovery: null,
    ports: PORTS,
    recommendation,
    warnings: [],
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 900,
    cached: false,
  };
}

const RECOMMENDATIONS: Recommendation[] = [];
for (const [portNumber, security] of [[587, 'starttls'], [465, 'tls'], [2525, 'starttls'], [25, 'none']] as const) {
  for (const authentication of ['password', 'smtp-after-pop', 'none', 'oauth2'] as Authentication[]) {
    for (const alternative of [null, { port: portNumber === 465 ? 587 : 465, security: (portNumber === 465 ? 'starttls' : 'tls') as Security }]) {
      RECOMMENDATIONS.push({ server: 'mail.example.net', port: portNumber, security, authentication, summary: 's', alternative });
    }
  }
}

/**
 * Lines with a field left empty: a "- Label:" bullet with no value, an empty bullet or step, an empty
 * code span or heading, a placeholder left over, or "undefined"/"null" leaking into the text.
 */
function emptyFields(text: string): string[] {
  return text
    .split('\n')
    .filter((line) =>
      /^- [^:]+:\s*(``)?\s*$|^\s*-\s*$|^\d+\.\s*$|``|\*\*\s*\*\*|\{[a-zA-Z]+\}|\bundefined\b|\bnull\b|\bNaN\b/.test(line),
    );
}

describe('composeReply', () => {
  for (const client of CLIENTS) {
    for (const locale of LOCALES) {
      for (const format of ['text', 'markdown'] as ReplyFormat[]) {
        it(`${client.id}, ${locale}, ${format}: every recommendation gives a reply with no empty fields`, () => {
          for (const recommendation of [...RECOMMENDATIONS, null]) {
            const text = composeReply({ report: report(recommendation), client, locale, format });
            const problems = emptyFields(text);
            expect(problems, `${JSON.stringify(recommendation)}\n${text}`).toEqual([]);
            expect(text).toContain('mail.example.net');
            if (recommendation) {
              expect(text).toContain(String(recommendation.port));
              expect(text).toContain(client.name);
              expect(text).toMatch(/^1\. \S/m);
            }
          }
        });
      }
    }
  }

  it('names the ports as found, the settings and the steps with the real values', () => {
    const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
    const text = composeReply({
      report: report({ server: 'mail.example.net', port: 465, security: 'tls', authentication: 'password', summary: '', alternative: { port: 587, security: 'starttls' } }),
      client: thunderbird,
      locale: 'en',
      format: 'text',
    });
    expect(text).toContain('Port 25: no answer (blocked or filtered)');
    expect(text).toContain('Port 465: answers, SSL/TLS, with login');
    expect(text).toContain('- Port: 465');
    expect(text).toContain('25 to 465');
    expect(text).toContain('Try port 587 with STARTTLS instead.');
  });

  it('Markdown marks headings and values', () => {
    const text = composeReply({
      report: report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: null }),
      client: CLIENTS[0]!,
      locale: 'es',
      format: 'markdown',
    });
    expect(text).toContain('- Puerto: `587`');
    expect(text).toMatch(/^\*\*Pasos en .+\*\*$/m);
  });
});
