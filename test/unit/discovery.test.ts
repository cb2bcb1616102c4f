import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsResolver, MxRecord, SrvRecord } from '../../src/server/dns';
import { baseDomain, createSafeFetch, discover, parseAutoconfig, standardAutoconfigUrls } from '../../src/server/discovery';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/discovery/${name}`, import.meta.url), 'utf8');

/** DNS answers from tables; anything else is "no such record", as node:dns reports it. */
function fakeResolver(tables: { a?: Record<string, string[]>; aaaa?: Record<string, string[]>; mx?: Record<string, MxRecord[]>; srv?: Record<string, SrvRecord[]>; fail?: Record<string, string> }): DnsResolver {
  const answer = <T>(table: Record<string, T[]> | undefined, name: string): Promise<T[]> => {
    const failure = tables.fail?.[name];
    if (failure) return Promise.reject(Object.assign(new Error(`query ${failure} ${name}`), { code: failure }));
    const found = table?.[name];
    return found ? Promise.resolve(found) : Promise.reject(Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  };
  return {
    resolve4: (name) => answer(tables.a, name),
    resolve6: (name) => answer(tables.aaaa, name),
    resolveMx: (name) => answer(tables.mx, name),
    resolveSrv: (name) => answer(tables.srv, name),
  };
}

let server: Server;
let origin = '';
const seenQueries: string[] = [];
/** path → [status, body]; autoconfig files live under /autoconfig/<domain>, /well-known/<domain> and /ispdb/<domain>. */
const routes = new Map<string, [number, string]>([
  ['/autoconfig/example.org', [200, fixture('example.org.xml')]],
  ['/well-known/fallback.example', [200, fixture('example.org.xml')]],
  ['/autoconfig/pop-first.example', [200, fixture('pop-first.example.xml')]],
  ['/autoconfig/evil.example', [200, fixture('entities.xml')]],
  ['/autoconfig/imap-only.example', [200, fixture('no-smtp.xml')]],
  ['/autoconfig/broken.example', [500, 'oops']],
  ['/ispdb/google.com', [200, fixture('google.com.xml')]],
  ['/big', [200, `<clientConfig>${'x'.repeat(300 * 1024)}</clientConfig>`]],
]);

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seenQueries.push(url.search);
    if (url.pathname === '/slow') return; // never answers
    if (url.pathname === '/redirect') {
      response.writeHead(302, { location: '/autoconfig/example.org' }).end();
      return;
    }
    if (url.pathname === '/redirect-port') {
      response.writeHead(302, { location: `http://127.0.0.1:${url.searchParams.get('to') ?? '1'}/autoconfig/example.org` }).end();
      return;
    }
    const [status, body] = routes.get(url.pathname) ?? [404, 'not found'];
    response.writeHead(status, { 'content-type': 'text/xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function options(resolver: DnsResolver) {
  return {
    resolver,
    fetch: createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 2000 }),
    ispdbUrl: `${origin}/ispdb/`,
    autoconfigUrls: (domain: string, email: string | null) => [
      `${origin}/autoconfig/${domain}${email ? `?emailaddress=${encodeURIComponent(email)}` : ''}`,
      `${origin}/well-known/${domain}`,
    ],
  };
}

describe('discover', () => {
  it('reads RFC 6186 SRV records, and "." as "not offered"', async () => {
    const resolver = fakeResolver({
      srv: {
        '_submissions._tcp.srv.test': [
          { name: 'backup.srv.test', port: 465, priority: 20, weight: 0 },
          { name: 'mail.srv.test.', port: 465, priority: 10, weight: 5 },
        ],
        '_submission._tcp.srv.test': [{ name: '.', port: 0, priority: 0, weight: 0 }],
      },
    });
    const result = await discover('srv.test', null, options(resolver));
    expect(result.candidates[0]).toEqual({ hostname: 'mail.srv.test', port: 465, security: 'tls', authentication: 'password', source: 'srv', detail: 'SRV _submissions._tcp.srv.test' });
    expect(result.candidates[1]?.hostname).toBe('backup.srv.test');
    const starttls = result.steps.find((step) => step.query === '_submission._tcp.srv.test');
    expect(starttls).toMatchObject({ outcome: 'not-found' });
    expect(starttls?.message).toMatch(/target "\."/);
    expect(result.steps.at(-1)).toMatchObject({ source: 'guess', outcome: 'skipped' });
  });

  it('reads the domain autoconfig file, substitutes %EMAILDOMAIN% and keeps the email out of the steps', async () => {
    const result = await discover('example.org', 'alice@example.org', options(fakeResolver({})));
    expect(result.candidates.slice(0, 2)).toEqual([
      {
        hostname: 'smtp.example.org',
        port: 465,
        security: 'tls',
        authentication: 'password',
        username: { form: 'address', pattern: '%EMAILADDRESS%', value: 'alice@example.org' },
        source: 'autoconfig',
        detail: `${origin}/autoconfig/example.org`,
      },
      // password-encrypted is CRAM-MD5 and the like: a normal password would not be the same setting.
      { hostname: 'smtp.example.org', port: 587, security: 'starttls', authentication: 'encrypted-password', username: null, source: 'autoconfig', detail: `${origin}/autoconfig/example.org` },
    ]);
    expect(seenQueries).toContain('?emailaddress=alice%40example.org');
    expect(JSON.stringify(result.steps)).not.toContain('alice');
    expect(result.steps.filter((step) => step.source === 'autoconfig').map((step) => step.outcome)).toEqual(['found', 'skipped']);
  });

  it('falls back to the .well-known address when autoconfig.D has nothing', async () => {
    const result = await discover('fallback.example', null, options(fakeResolver({})));
    expect(result.steps.filter((step) => step.source === 'autoconfig').map((step) => step.outcome)).toEqual(['not-found', 'found']);
    expect(result.candidates[0]).toMatchObject({ hostname: 'smtp.fallback.example', source: 'autoconfig' });
  });

  it('reads the ISPDB entry of the domain', async () => {
    const result = await discover('google.com', null, options(fakeResolver({})));
    expect(result.candidates[0]).toMatchObject({ hostname: 'smtp.gmail.com', port: 465, security: 'tls', authentication: 'oauth2', source: 'ispdb' });
  });

  it('follows the lowest-preference MX to its provider in the ISPDB', async () => {
    const resolver = fakeResolver({
      mx: {
        'customer.test': [
          { exchange: 'alt1.aspmx.l.google.com', priority: 20 },
          { exchange: 'aspmx.l.google.com', priority: 10 },
        ],
      },
    });
    const result = await discover('customer.test', 'bob@customer.test', options(resolver));
    const mxSteps = result.steps.filter((step) => step.source === 'mx');
    expect(mxSteps[0]?.message).toMatch(/aspmx\.l\.google\.com.*google\.com/);
    expect(mxSteps[1]).toMatchObject({ outcome: 'found', query: `${origin}/ispdb/google.com` });
    expect(result.candidates).toEqual([
      expect.objectContaining({ hostname: 'smtp.gmail.com', port: 465, source: 'mx', detail: expect.stringContaining('MX aspmx.l.google.com') }),
    ]);
  });

  it('says so when the MX is inside the domain itself', async () => {
    const resolver = fakeResolver({ mx: { 'self.test': [{ exchange: 'mx.self.test', priority: 10 }] }, a: { 'smtp.self.test': ['93.184.215.14'] } });
    const result = await discover('self.test', null, options(resolver));
    expect(result.steps.find((step) => step.source === 'mx')?.message).toMatch(/inside the domain itself/);
    expect(result.candidates).toEqual([expect.objectContaining({ hostname: 'smtp.self.test', source: 'guess', port: 587 })]);
  });

  it('guesses smtp.D, mail.D, D in order and stops at the first that exists', async () => {
    const resolver = fakeResolver({ aaaa: { 'mail.guess.test': ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] }, a: { 'guess.test': ['93.184.215.14'] } });
    const result = await discover('guess.test', null, options(resolver));
    const guesses = result.steps.filter((step) => step.source === 'guess');
    expect(guesses.map((step) => [step.query, step.outcome])).toEqual([
      ['smtp.guess.test', 'not-found'],
      ['mail.guess.test', 'found'],
    ]);
    expect(result.candidates).toEqual([expect.objectContaining({ hostname: 'mail.guess.test', source: 'guess' })]);
  });

  it('does not take a guess the probe would refuse, and never says what a guessed name resolves to', async () => {
    const resolver = fakeResolver({ a: { 'smtp.inside.test': ['10.1.2.3'], 'mail.inside.test': ['169.254.169.254'], 'inside.test': ['93.184.215.14', '127.0.0.1'] } });
    const result = await discover('inside.test', null, { ...options(resolver), allowPrivate: false });
    expect(result.candidates).toEqual([]);
    const guesses = result.steps.filter((step) => step.source === 'guess');
    expect(guesses.map((step) => [step.query, step.outcome])).toEqual([
      ['smtp.inside.test', 'not-found'],
      ['mail.inside.test', 'not-found'],
      ['inside.test', 'not-found'],
    ]);
    // A refused name reads like a name with no address: nothing maps the resolver's private answers.
    const nothing = await discover('nothing.test', null, options(fakeResolver({})));
    expect(new Set(guesses.map((step) => step.message))).toEqual(new Set(nothing.steps.filter((step) => step.source === 'guess').map((step) => step.message)));
    const said = JSON.stringify(guesses);
    for (const address of ['10.1.2.3', '169.254.169.254', '127.0.0.1', '93.184.215.14']) expect(said, said).not.toContain(address);
  });

  it('takes a private guess when the probe is allowed private addresses (testing)', async () => {
    const resolver = fakeResolver({ a: { 'smtp.lab.test': ['127.0.0.5'] } });
    const result = await discover('lab.test', null, { ...options(resolver), allowPrivate: true });
    expect(result.candidates).toEqual([expect.objectContaining({ hostname: 'smtp.lab.test', source: 'guess' })]);
    expect(JSON.stringify(result.steps)).not.toContain('127.0.0.5');
  });

  it('finds nothing for a domain with nothing, and explains each step', async () => {
    const result = await discover('nothing.test', null, options(fakeResolver({})));
    expect(result.candidates).toEqual([]);
    expect(result.steps.map((step) => step.source)).toEqual(['srv', 'srv', 'autoconfig', 'autoconfig', 'ispdb', 'mx', 'guess', 'guess', 'guess']);
    for (const step of result.steps) expect(step.message).toMatch(/[.)]$/);
  });

  it('reports a failing DNS lookup as an error, not as "no record"', async () => {
    const result = await discover('servfail.test', null, options(fakeResolver({ fail: { '_submission._tcp.servfail.test': 'ESERVFAIL' } })));
    expect(result.steps.find((step) => step.query === '_submission._tcp.servfail.test')).toMatchObject({
      outcome: 'error',
      message: "The DNS lookup failed: the name's DNS servers answered with a failure (SERVFAIL).",
    });
  });

  it('tells a guessed name whose lookup failed from one that has no address', async () => {
    const resolver = fakeResolver({ fail: { 'smtp.flaky.test': 'ETIMEOUT' } });
    const result = await discover('flaky.test', null, options(resolver));
    const guesses = Object.fromEntries(result.steps.filter((step) => step.source === 'guess').map((step) => [step.query, [step.outcome, step.message]]));
    expect(guesses['smtp.flaky.test']).toEqual(['error', 'The DNS lookup failed: no DNS server answered in time.']);
    expect(guesses['mail.flaky.test']).toEqual(['not-found', 'This name has no public address.']);
  });

  it('refuses entity definitions and reports unusable files and HTTP errors', async () => {
    const evil = await discover('evil.example', null, options(fakeResolver({})));
    expect(evil.steps.find((step) => step.source === 'autoconfig')).toMatchObject({ outcome: 'error', message: expect.stringMatching(/DOCTYPE/) });
    expect(evil.candidates.filter((candidate) => candidate.source === 'autoconfig')).toEqual([]);
    const imapOnly = await discover('imap-only.example', null, options(fakeResolver({})));
    expect(imapOnly.steps.find((step) => step.source === 'autoconfig')?.message).toMatch(/no usable SMTP/);
    const broken = await discover('broken.example', null, options(fakeResolver({})));
    expect(broken.steps.find((step) => step.source === 'autoconfig')?.message).toMatch(/HTTP 500/);
  });

  it('keeps SMTP-after-POP from the file', async () => {
    const result = await discover('pop-first.example', null, options(fakeResolver({})));
    expect(result.candidates[0]).toMatchObject({ hostname: 'mail.pop-first.example', authentication: 'smtp-after-pop' });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(discover('example.org', null, { ...options(fakeResolver({})), signal: controller.signal })).rejects.toThrow('gone');
  });

  it('builds the standard autoconfig URLs', () => {
    expect(standardAutoconfigUrls('example.com', 'a+b@example.com')).toEqual([
      'https://autoconfig.example.com/mail/config-v1.1.xml?emailaddress=a%2Bb%40example.com',
      'https://example.com/.well-known/autoconfig/mail/config-v1.1.xml',
    ]);
    expect(standardAutoconfigUrls('example.com', null)[0]).toBe('https://autoconfig.example.com/mail/config-v1.1.xml');
  });
});

describe('safe fetch', () => {
  it('follows a redirect to another port never, so it cannot tell which ports of a host are open', async () => {
    let contacted = 0;
    const other = createServer((_request, response) => {
      contacted += 1;
      response.writeHead(200).end('<clientConfig/>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    try {
      const fetch = createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 2000 });
      await expect(fetch(`${origin}/redirect-port?to=${port}`, {})).rejects.toThrow(new RegExp(`redirects to port ${port}; only port ${new URL(origin).port} is read`));
      expect(contacted).toBe(0);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('says why a read failed in its own words, never the address, the port or the TLS library', async () => {
    const fetch = createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 2000 });
    // A port nothing listens on: taken from a server just closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetch(`http://127.0.0.1:${closedPort}/x`, {})).rejects.toThrow(/^The web server refused the connection\.$/);
    // Something that is not a web server: an SMTP greeting where HTTP was expected.
    const sockets = new Set<import('node:net').Socket>();
    const smtp = createNetServer((socket) => {
      sockets.add(socket);
      socket.end('220 mail.example ESMTP\r\n');
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.address() as { port: number }).port;
    try {
      const failure = await fetch(`http://127.0.0.1:${smtpPort}/x`, {}).then(
        () => null,
        (error: Error) => error,
      );
      expect(failure?.message).toBe('The web server could not be read.');
      // TLS spoken to the same server: the handshake fails and OpenSSL's text is not passed on.
      const tls = await createSafeFetch({ allowPrivate: true, timeoutMs: 2000 })(`https://127.0.0.1:${smtpPort}/x`, {}).then(
        () => null,
        (error: Error) => error,
      );
      expect(tls?.message).toMatch(/^(?:No trusted secure \(https\) connection could be made to the web server|The web server closed the connection|The web server could not be read)\.$/);
      expect(tls?.message).not.toMatch(/openssl|ssl3|EPROTO|127\.0\.0\.1/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('reads only https:// unless told otherwise', async () => {
    await expect(createSafeFetch()(`${origin}/autoconfig/example.org`, {})).rejects.toThrow(/Only https/);
  });

  it('refuses loopback and private addresses by default (SSRF)', async () => {
    await expect(createSafeFetch({ allowHttp: true })(`${origin}/autoconfig/example.org`, {})).rejects.toThrow(/not allowed/);
  });

  it('caps the size, the time and the redirects', async () => {
    const fetch = createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 300 });
    await expect(fetch(`${origin}/big`, {})).rejects.toThrow(/256 KiB/);
    const started = Date.now();
    await expect(fetch(`${origin}/slow`, {})).rejects.toThrow(/No answer within/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await fetch(`${origin}/redirect`, {})).status).toBe(200);
  });
});

describe('parseAutoconfig', () => {
  it('decodes the predefined entities and ignores comments and other server types', () => {
    const xml = `<clientConfig><!-- <outgoingServer type="smtp"><hostname>commented.example</hostname></outgoingServer> -->
      <outgoingServer type='smtp'><hostname>SMTP.%EMAILDOMAIN%.</hostname><port>2525</port><socketType>STARTTLS</socketType>
      <authentication>unknown-method</authentication><authentication>none</authentication></outgoingServer>
      <outgoingServer type="exchange"><hostname>ews.example</hostname><port>443</port><socketType>SSL</socketType></outgoingServer></clientConfig>`;
    expect(parseAutoconfig(xml, { domain: 'example.net', email: null })).toEqual({
      ok: true,
      servers: [{ hostname: 'smtp.example.net', port: 2525, security: 'starttls', authentication: 'none', username: null }],
      incoming: [],
    });
  });

  it('keeps the protected incoming servers a file publishes, for the setup files', () => {
    const xml = `<clientConfig><emailProvider id="example.net">
      <incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
      <incomingServer type="pop3"><hostname>pop.example.net</hostname><port>110</port><socketType>STARTTLS</socketType></incomingServer>
      <incomingServer type="pop3"><hostname>plain.example.net</hostname><port>110</port><socketType>plain</socketType></incomingServer>
      <incomingServer type="exchange"><hostname>ews.example.net</hostname><port>443</port><socketType>SSL</socketType></incomingServer>
      <incomingServer type="imap"><hostname>0x7f.1</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
      <outgoingServer type="smtp"><hostname>smtp.example.net</hostname><port>587</port><socketType>STARTTLS</socketType></outgoingServer>
    </emailProvider></clientConfig>`;
    const parsed = parseAutoconfig(xml, { domain: 'example.net', email: null });
    expect(parsed.ok && parsed.incoming).toEqual([
      { protocol: 'imap', hostname: 'imap.example.net', port: 993, security: 'tls' },
      { protocol: 'pop3', hostname: 'pop.example.net', port: 110, security: 'starttls' },
    ]);
  });

  it('reads the user name the provider publishes and resolves it against the address', () => {
    const file = (username: string, socket = 'SSL', port = 587) =>
      `<clientConfig><outgoingServer type="smtp"><hostname>smtp.provider.example</hostname><port>${port}</port><socketType>${socket}</socketType>
      <username>${username}</username><authentication>password-encrypted</authentication></outgoingServer></clientConfig>`;
    const first = (xml: string, email: string | null, userDomain?: string) => {
      const parsed = parseAutoconfig(xml, { domain: 'provider.example', email, ...(userDomain ? { userDomain } : {}) });
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.servers[0]!;
    };
    // Implicit TLS on 587 stays implicit TLS; the encrypted login stays encrypted.
    expect(first(file('%EMAILLOCALPART%'), 'jdoe@customer.example')).toEqual({
      hostname: 'smtp.provider.example',
      port: 587,
      security: 'tls',
      authentication: 'encrypted-password',
      username: { form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'jdoe' },
    });
    expect(first(file('%EMAILLOCALPART%'), null).username).toEqual({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: null });
    expect(first(file('%EMAILADDRESS%'), 'jdoe@customer.example').username).toEqual({ form: 'address', pattern: '%EMAILADDRESS%', value: 'jdoe@customer.example' });
    // %EMAILDOMAIN% is the person's domain, also when the file came from the provider by way of the MX.
    expect(first(file('%EMAILLOCALPART%.%EMAILDOMAIN%'), null, 'customer.example').username).toEqual({
      form: 'other',
      pattern: '%EMAILLOCALPART%.customer.example',
      value: null,
    });
    expect(first(file('mail-%EMAILLOCALPART%'), 'jdoe@customer.example', 'customer.example').username?.value).toBe('mail-jdoe');
    expect(first(file('shared-account'), null).username).toEqual({ form: 'other', pattern: 'shared-account', value: 'shared-account' });
    // What nobody could type, or what would play tricks on a terminal, is left out rather than shown.
    expect(first(file('%REALNAME%'), 'jdoe@customer.example').username).toBeNull();
    expect(first(file('a&#x202E;b'), null).username).toBeNull();
    expect(first(file('a&#27;[2Jb'), null).username).toBeNull();
    expect(first(file('two words'), null).username).toBeNull();
    expect(first(file('x'.repeat(129)), null).username).toBeNull();
    // "secure" is the old name of password-encrypted.
    expect(first(file('%EMAILADDRESS%').replace('password-encrypted', 'secure'), null).authentication).toBe('encrypted-password');
    // NTLM and GSSAPI (Kerberos) are Windows sign-ins, which a program set to a password does not try.
    expect(first(file('%EMAILADDRESS%').replace('password-encrypted', 'NTLM'), null).authentication).toBe('ntlm');
    expect(first(file('%EMAILADDRESS%').replace('password-encrypted', 'GSSAPI'), null).authentication).toBe('kerberos');
  });

  it('refuses what is not an autoconfig file or is too large', () => {
    expect(parseAutoconfig('<html></html>', { domain: 'x.test', email: null })).toMatchObject({ ok: false, message: expect.stringMatching(/not an autoconfig/) });
    expect(parseAutoconfig(`<clientConfig>${' '.repeat(257 * 1024)}</clientConfig>`, { domain: 'x.test', email: null })).toMatchObject({ ok: false });
  });
});

describe('baseDomain', () => {
  it.each([
    ['aspmx.l.google.com', 'google.com'],
    ['example-com.mail.protection.outlook.com', 'outlook.com'],
    ['mx1.mail.example.co.uk', 'example.co.uk'],
    ['example.com', 'example.com'],
    ['mx.EXAMPLE.com.', 'example.com'],
  ])('%s → %s', (host, base) => expect(baseDomain(host)).toBe(base));
});
