import { describe, expect, it } from 'vitest';
import type { Authentication, PortResult, ProbeReport, Recommendation, Security, Username } from '../../src/core/api';
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

const USERNAMES: Username[] = [
  { form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'customer' },
  { form: 'local-part', pattern: '%EMAILLOCALPART%', value: null },
  { form: 'address', pattern: '%EMAILADDRESS%', value: null },
  { form: 'other', pattern: '%EMAILLOCALPART%.example.net', value: null },
];

const RECOMMENDATIONS: Recommendation[] = [];
for (const [portNumber, security] of [[587, 'starttls'], [465, 'tls'], [2525, 'starttls'], [25, 'none']] as const) {
  for (const authentication of ['password', 'encrypted-password', 'smtp-after-pop', 'none', 'oauth2'] as Authentication[]) {
    for (const alternative of [null, { port: portNumber === 465 ? 587 : 465, security: (portNumber === 465 ? 'starttls' : 'tls') as Security }]) {
      RECOMMENDATIONS.push({ server: 'mail.example.net', port: portNumber, security, authentication, summary: 's', alternative });
    }
  }
  for (const username of USERNAMES) {
    RECOMMENDATIONS.push({ server: 'mail.example.net', port: portNumber, security, authentication: 'password', username, summary: 's', alternative: null });
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

  it('gives the user name the provider publishes, its own line in English and Spanish, and at the login step', () => {
    const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
    const published = (username: Username, authentication: Authentication = 'password') =>
      report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication, username, summary: '', alternative: null });
    const jdoe: Username = { form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'jdoe' };
    const english = composeReply({ report: published(jdoe), client: thunderbird, locale: 'en', format: 'text' });
    expect(english).toContain('- User name: jdoe\n');
    expect(english).toContain('- Authentication: on, with your mailbox password\n');
    expect(english).toContain('For this provider the user name is jdoe, not your full email address.');
    const spanish = composeReply({ report: published(jdoe), client: thunderbird, locale: 'es', format: 'markdown' });
    expect(spanish).toContain('- Nombre de usuario: `jdoe`');
    expect(spanish).toContain('Con este proveedor, el nombre de usuario es jdoe, no su dirección de correo completa.');
    // A provider that wants the whole address agrees with the client's own step: no "not your full address".
    const whole = composeReply({ report: published({ form: 'address', pattern: '%EMAILADDRESS%', value: 'jdoe@example.net' }), client: thunderbird, locale: 'en', format: 'text' });
    expect(whole).toContain('For this provider the user name is jdoe@example.net.');
    expect(whole).not.toContain('not your full email address');
    // Only the domain was checked: the form, in words.
    const form = composeReply({ report: published({ ...jdoe, value: null }), client: thunderbird, locale: 'en', format: 'text' });
    expect(form).toContain('- User name: the part of your address before the @\n');
    expect(composeReply({ report: published({ ...jdoe, value: null }), client: thunderbird, locale: 'es', format: 'text' })).toContain(
      '- Nombre de usuario: la parte de su dirección antes de la @\n',
    );
    // Nothing published: the usual advice, the full address.
    const none = composeReply({ report: report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: null }), client: thunderbird, locale: 'en', format: 'text' });
    expect(none).not.toContain('User name');
    expect(none).toContain('with your full email address and mailbox password');
  });

  it('says "encrypted password" and SSL/TLS on 587 where the provider publishes them', () => {
    const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
    const text = composeReply({
      report: report({ server: 'mail.example.net', port: 587, security: 'tls', authentication: 'encrypted-password', summary: '', alternative: { port: 465, security: 'tls' } }),
      client: thunderbird,
      locale: 'en',
      format: 'text',
    });
    expect(text).toContain('- Authentication: on, with your mailbox password as an encrypted password (CRAM-MD5)');
    expect(text).toContain('choose the encrypted-password method (CRAM-MD5)');
    expect(text).toContain('- Security: SSL/TLS');
    expect(text).toContain('Make sure security is SSL/TLS on port 587: your provider uses it there, unlike most.');
    expect(text).not.toContain('587 goes with STARTTLS');
  });
});
