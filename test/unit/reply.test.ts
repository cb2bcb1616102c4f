import { describe, expect, it } from 'vitest';
import type { Authentication, PortResult, ProbeReport, Recommendation, Security, TlsFacts, Username, Warning } from '../../src/core/api';
import { CLIENTS } from '../../src/core/clients/registry';
import { clientName, renderSteps } from '../../src/core/clients/render';
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
  for (const authentication of ['password', 'encrypted-password', 'smtp-after-pop', 'none', 'oauth2', 'ntlm', 'kerberos', 'client-cert'] as Authentication[]) {
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
              // The general entry's steps are headed as the reader's own program.
              if (client.id !== 'other') expect(text).toContain(clientName(client, locale));
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
    expect(text).toContain('Port 465: works: it is encrypted from the first byte (SSL/TLS) and takes your login');
    expect(text).toContain('- Port: 465');
    expect(text).toContain('25 to 465');
    expect(text).toContain('Try port 587 with STARTTLS instead.');
  });

  it('calls a port that answered TLS with plain text a plain-SMTP port only when a mail server greeted on it', () => {
    const ports = (banner: string | null): PortResult[] => [{ ...port(465, 'tls-unexpected', 'none', []), banner }, port(587, 'ok', 'starttls', ['PLAIN'])];
    const line = (banner: string | null) =>
      composeReply({ report: { ...report(null), ports: ports(banner) }, client: null, locale: 'en', format: 'text' })
        .split('\n')
        .find((text) => text.startsWith('- Port 465:'));
    expect(line('mail.example.net ESMTP')).toBe('- Port 465: expects a plain connection (use STARTTLS, not SSL/TLS)');
    expect(line(null)).toBe("- Port 465: answers, but neither with encryption (SSL/TLS) nor with a mail server's greeting");
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
    // Nothing published: the login of incoming mail, usually the full address, and the steps say the same.
    const none = composeReply({ report: report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: null }), client: thunderbird, locale: 'en', format: 'text' });
    expect(none).not.toContain('User name');
    expect(none).toContain('with the same user name and password as for incoming mail (usually your full email address and mailbox password)');
    expect(none).toContain('enter the same User Name as for incoming mail (usually your full email address)');
    expect(none).not.toMatch(/enter your full email address as/);
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

  it('tells the customer to choose NTLM where the server takes only a Windows sign-in, in both languages', () => {
    const outlook = CLIENTS.find((client) => client.id.startsWith('outlook'))!;
    const windows = report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'ntlm', summary: '', alternative: null });
    const english = composeReply({ report: windows, client: outlook, locale: 'en', format: 'text' });
    expect(english).toContain('- Authentication: on, as a Windows sign-in: choose NTLM (in Outlook, "Secure Password Authentication (SPA)")');
    expect(english).toContain('This server takes a Windows sign-in, not a normal password');
    const spanish = composeReply({ report: windows, client: outlook, locale: 'es', format: 'text' });
    expect(spanish).toContain('como inicio de sesión de Windows: elija NTLM');
    expect(spanish).toContain('Este servidor pide un inicio de sesión de Windows');
  });

  it('words OAuth2, a client certificate and Kerberos as what they are, never as a normal password', () => {
    const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
    const reply = (authentication: Authentication, locale: 'en' | 'es' = 'en') =>
      composeReply({ report: report({ server: 'mail.example.net', port: 587, security: 'starttls', authentication, summary: '', alternative: null }), client: thunderbird, locale, format: 'text' });
    const oauth = reply('oauth2');
    expect(oauth).toContain('- Authentication: on, with OAuth2: your mail program opens your provider\'s sign-in window');
    expect(oauth).toContain('Set Authentication method to OAuth2');
    // The test message's outcome, as the checklist shows it: a sign-in window, not a password prompt.
    const verify = renderSteps(thunderbird, { server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'oauth2', username: null }, 'en').find((step) => step.kind === 'verify');
    expect(verify?.expect).toBe('Thunderbird opens your provider\'s sign-in window once; after you sign in there, the message leaves the Outbox.');
    expect(renderSteps(thunderbird, { server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', username: null }, 'en').find((step) => step.kind === 'verify')?.expect).toMatch(/asks for your password/);
    expect(oauth).not.toMatch(/Normal password|mailbox password/);
    expect(reply('client-cert')).toContain('- Authentication: on, with the client certificate your provider gave you');
    const kerberos = reply('kerberos');
    expect(kerberos).toContain('Set Authentication method to Kerberos / GSSAPI.');
    expect(kerberos).toContain('joined to your organization\'s Windows domain');
    expect(kerberos).not.toMatch(/NTLM|Normal password/);
    expect(reply('oauth2', 'es')).toContain('En Método de identificación elija OAuth2');
  });
});

describe('composeReply in plain words', () => {
  const recommendation: Recommendation = { server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: { port: 465, security: 'tls' } };
  const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
  const tls = (facts: Partial<TlsFacts>): TlsFacts => ({
    authorized: false,
    authorizationError: null,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    subject: 'mail.example.net',
    issuer: 'Example CA',
    validNames: ['mail.example.net'],
    validFrom: '2024-01-01T00:00:00.000Z',
    validTo: '2027-01-01T00:00:00.000Z',
    matchesHost: true,
    selfSigned: false,
    expired: false,
    fingerprint256: null,
    chainTrusted: true,
    ...facts,
  });
  const withCertificate = (facts: Partial<TlsFacts>, warnings: Warning[]): ProbeReport => ({
    ...report(recommendation),
    ports: PORTS.map((result) => (result.port === 587 ? { ...result, tls: tls(facts) } : result)),
    warnings,
  });

  it('says what each certificate problem means for the customer and what to do, in both languages', () => {
    const cases: { facts: Partial<TlsFacts>; code: Warning['code']; en: string[]; es: string[] }[] = [
      { facts: { expired: true, validTo: '2025-01-01T00:00:00.000Z' }, code: 'cert-expired', en: ['It expired on 2025-01-01.', 'do not accept the warning for good'], es: ['Caducó el 2025-01-01.', 'no acepte el aviso de forma permanente'] },
      { facts: { matchesHost: false, validNames: ['smtp.other.example', '*.other.example'] }, code: 'cert-name-mismatch', en: ['made out to smtp.other.example, *.other.example, not to mail.example.net', 'type that name instead'], es: ['Está a nombre de smtp.other.example, *.other.example, no de mail.example.net'] },
      { facts: { selfSigned: true, chainTrusted: false }, code: 'cert-untrusted', en: ['(self-signed)', 'cannot verify the server\'s identity', 'Accept it only if your provider confirms'], es: ['(autofirmado)', 'no puede verificar la identidad del servidor'] },
      { facts: { chainTrusted: false, issuer: 'Private CA' }, code: 'cert-untrusted', en: ['an authority that mail programs do not trust', 'has to be replaced on the server'], es: ['una autoridad en la que los programas de correo no confían'] },
      { facts: { keyType: 'RSA', keyBits: 1024 }, code: 'cert-weak-key', en: ['too weak', 'may refuse the connection with a security error'], es: ['demasiado débil', 'error de seguridad'] },
    ];
    for (const { facts, code, en, es } of cases) {
      const checked = withCertificate(facts, [{ code, port: 587, message: 'raw message' }]);
      const english = composeReply({ report: checked, client: thunderbird, locale: 'en', format: 'text' });
      expect(english).toContain("The server's security certificate:");
      for (const words of en) expect(english, code).toContain(words);
      expect(english).not.toContain('raw message');
      const spanish = composeReply({ report: checked, client: thunderbird, locale: 'es', format: 'markdown' });
      expect(spanish).toContain('**El certificado de seguridad del servidor**');
      for (const words of es) expect(spanish, code).toContain(words);
    }
    const clean = composeReply({ report: withCertificate({ authorized: true }, []), client: thunderbird, locale: 'en', format: 'text' });
    expect(clean).not.toContain('certificate');
  });

  it('says one certificate problem once when both addresses of a port have it', () => {
    const checked = withCertificate({ expired: true, validTo: '2025-01-01T00:00:00.000Z' }, [
      { code: 'cert-expired', port: 587, message: '' },
      { code: 'cert-expired', port: 587, message: '' },
    ]);
    const text = composeReply({ report: checked, client: thunderbird, locale: 'en', format: 'text' });
    expect(text.split('It expired on').length - 1).toBe(1);
  });

  it("signs with the helpdesk profile's name, and without a name line when there is none", () => {
    const signed = composeReply({ report: report(recommendation), client: thunderbird, locale: 'en', format: 'text', signature: ' Example ISP support ' });
    expect(signed.endsWith('Kind regards,\nExample ISP support\n')).toBe(true);
    expect(composeReply({ report: report(null), client: thunderbird, locale: 'es', format: 'text', signature: 'Soporte Ejemplo' }).endsWith('Un saludo,\nSoporte Ejemplo\n')).toBe(true);
    expect(composeReply({ report: report(recommendation), client: thunderbird, locale: 'en', format: 'text', signature: '' }).endsWith('\nKind regards\n')).toBe(true);
  });

  it('names the server once when the customer gave the server itself', () => {
    const byServer = composeReply({ report: { ...report(recommendation), target: 'mail.example.net', kind: 'host' }, client: thunderbird, locale: 'en', format: 'text' });
    expect(byServer).toContain('We checked the outgoing mail server mail.example.net. What we found:');
    expect(byServer).not.toContain('(mail.example.net)');
    const byAddress = composeReply({ report: report(recommendation), client: thunderbird, locale: 'es', format: 'text' });
    expect(byAddress).toContain('Hemos comprobado mail.example.net, el servidor de correo saliente de customer@example.net.');
  });

  it('says what each port does without jargon', () => {
    const ports: PortResult[] = [port(25, 'ok', 'starttls', []), port(587, 'ok', 'starttls', ['PLAIN']), port(2525, 'ok', 'none', ['PLAIN'])];
    const text = composeReply({ report: { ...report(recommendation), ports }, client: thunderbird, locale: 'en', format: 'text' });
    expect(text).toContain('- Port 25: answers, but only to take in mail from other mail servers; a mail program cannot send through it');
    expect(text).toContain('- Port 587: works: it encrypts the connection (STARTTLS) and takes your login');
    expect(text).toContain('- Port 2525: answers without any encryption, so your password would cross the network readable: do not use it');
    expect(text).not.toMatch(/with(out)? login/);
  });

  it('asks which program the customer uses when the agent has not chosen one', () => {
    for (const locale of LOCALES) {
      const text = composeReply({ report: report(recommendation), client: null, locale, format: 'text' });
      expect(text).toContain(locale === 'en' ? 'Which mail program do you send with' : '¿Con qué programa de correo envía');
      expect(text).not.toMatch(/^1\. /m);
      expect(text).toContain(locale === 'en' ? '- Port: 587' : '- Puerto: 587');
      expect(emptyFields(text)).toEqual([]);
    }
  });

  it('words a single security switch as the switch and its position', () => {
    const outlook2003 = CLIENTS.find((client) => client.id === 'outlook-2003')!;
    const text = composeReply({ report: report(recommendation), client: outlook2003, locale: 'en', format: 'text' });
    expect(text).toContain('- Security: "This server requires an encrypted connection (SSL)" checked');
    expect(text).toContain('Try port 465 with "This server requires an encrypted connection (SSL)" checked instead.');
    expect(text).toContain('Under Outgoing server (SMTP), check "This server requires an encrypted connection (SSL)".');
    expect(text).not.toMatch(/\bon \(box checked\)/);
  });

  it('writes the customer\'s internationalised domain as they do, and the server to type in its xn-- form too', () => {
    const recommendation: Recommendation = { server: 'mail.xn--bcher-kva.de', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: null };
    const idn: ProbeReport = { ...report(recommendation), target: 'ana@xn--bcher-kva.de', server: 'mail.xn--bcher-kva.de' };
    const english = composeReply({ report: idn, client: null, locale: 'en', format: 'text' });
    expect(english).toContain('We checked mail.bücher.de (mail.xn--bcher-kva.de), the outgoing mail server for ana@bücher.de. What we found:');
    expect(english).toContain(': mail.xn--bcher-kva.de (mail.bücher.de)\n- Port: 587');
    const spanish = composeReply({ report: idn, client: null, locale: 'es', format: 'markdown' });
    expect(spanish).toContain('Hemos comprobado mail.bücher.de (mail.xn--bcher-kva.de), el servidor de correo saliente de ana@bücher.de.');
    expect(spanish).toContain('`mail.xn--bcher-kva.de` (mail.bücher.de)');
    const none = composeReply({ report: { ...idn, recommendation: null }, client: null, locale: 'en', format: 'text' });
    expect(none).toContain('mail.bücher.de (mail.xn--bcher-kva.de)');
    expect(none).not.toMatch(/(?<![(.])mail\.xn--/);
  });

  it('heads the general entry\'s steps as the reader\'s own program, not "Other mail program"', () => {
    const recommendation: Recommendation = { server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: '', alternative: null };
    const other = CLIENTS.find((client) => client.id === 'other')!;
    expect(composeReply({ report: report(recommendation), client: other, locale: 'en', format: 'text' })).toContain('\nSteps in your mail program:\n1. ');
    expect(composeReply({ report: report(recommendation), client: other, locale: 'es', format: 'markdown' })).toContain('\n**Pasos en su programa de correo**\n1. ');
  });
});

