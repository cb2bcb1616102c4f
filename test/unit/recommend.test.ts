import { describe, expect, it } from 'vitest';
import type { Authentication, DiscoveryResult, PortResult, ProbePort, TlsFacts } from '../../src/core/api';
import { recommend } from '../../src/core/diagnosis/recommend';

const goodTls: TlsFacts = {
  authorized: true,
  authorizationError: null,
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  subject: 'smtp.example.com',
  issuer: 'Example CA',
  validNames: ['smtp.example.com'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  matchesHost: true,
  selfSigned: false,
  expired: false,
  fingerprint256: null,
};

type Outcome = 'absent' | 'timeout' | 'refused' | 'plain' | 'plain-auth' | 'starttls' | 'starttls-auth' | 'tls-auth' | 'starttls-auth-selfsigned';
const OUTCOMES: Outcome[] = ['absent', 'timeout', 'refused', 'plain', 'plain-auth', 'starttls', 'starttls-auth', 'tls-auth', 'starttls-auth-selfsigned'];

function port(portNumber: ProbePort, outcome: Exclude<Outcome, 'absent'>, extra: Partial<PortResult> = {}): PortResult {
  const base: PortResult = {
    port: portNumber,
    address: '192.0.2.1',
    family: 4,
    state: 'ok',
    message: '',
    banner: 'smtp.example.com ESMTP',
    ehlo: { beforeTls: ['PIPELINING'], afterTls: null, usedHelo: false },
    security: 'none',
    tls: null,
    auth: [],
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
  };
  switch (outcome) {
    case 'timeout':
    case 'refused':
      return { ...base, state: outcome, banner: null, ehlo: { beforeTls: null, afterTls: null, usedHelo: false }, ...extra };
    case 'plain':
      return { ...base, ...extra };
    case 'plain-auth':
      return { ...base, auth: ['PLAIN', 'LOGIN'], ...extra };
    case 'starttls':
      return { ...base, security: 'starttls', tls: goodTls, ehlo: { beforeTls: ['STARTTLS'], afterTls: ['PIPELINING'], usedHelo: false }, ...extra };
    case 'starttls-auth':
      return { ...base, security: 'starttls', tls: goodTls, auth: ['PLAIN', 'LOGIN'], ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false }, ...extra };
    case 'starttls-auth-selfsigned':
      return {
        ...base,
        security: 'starttls',
        tls: { ...goodTls, authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true },
        auth: ['PLAIN'],
        ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH PLAIN'], usedHelo: false },
        ...extra,
      };
    case 'tls-auth':
      return { ...base, security: 'tls', tls: goodTls, auth: ['PLAIN', 'LOGIN'], ehlo: { beforeTls: null, afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false }, ...extra };
  }
}

const isUsable = (outcome: Outcome) => outcome === 'starttls-auth' || outcome === 'tls-auth' || outcome === 'starttls-auth-selfsigned';
const isOpen = (outcome: Outcome) => !['absent', 'timeout', 'refused'].includes(outcome);
const trusted = (outcome: Outcome) => outcome === 'starttls-auth' || outcome === 'tls-auth';
const server = 'smtp.example.com';

describe('recommend: every combination of outcomes on 25, 465, 587 and 2525', () => {
  const ports: ProbePort[] = [25, 465, 587, 2525];
  const combinations: Outcome[][] = [];
  for (const a of OUTCOMES) for (const b of OUTCOMES) for (const c of OUTCOMES) for (const d of OUTCOMES) combinations.push([a, b, c, d]);

  it(`holds the ranking rules for all ${combinations.length} combinations`, () => {
    for (const combination of combinations) {
      const outcomes = new Map(ports.map((p, i) => [p, combination[i]!]));
      const results = ports.flatMap((p) => (outcomes.get(p) === 'absent' ? [] : [port(p, outcomes.get(p) as Exclude<Outcome, 'absent'>)]));
      const { recommendation, warnings } = recommend(results, { server });
      const codes = warnings.map((warning) => warning.code);
      const label = combination.join(',');
      const usable = ports.filter((p) => isUsable(outcomes.get(p)!));

      // Something to recommend exactly when a port is encrypted and offers a login.
      expect(recommendation !== null, label).toBe(usable.length > 0);
      if (recommendation) {
        expect(usable, label).toContain(recommendation.port);
        expect(recommendation.server).toBe(server);
        expect(recommendation.authentication).toBe('password');
        const submission = usable.filter((p) => p === 465 || p === 587);
        const trustedSubmission = submission.filter((p) => trusted(outcomes.get(p)!));
        if (trustedSubmission.length > 0) {
          expect(recommendation.port, label).toBe(trustedSubmission.includes(587) ? 587 : 465);
        } else if (submission.length > 0) {
          expect(submission, label).toContain(recommendation.port);
        } else if (usable.includes(2525)) {
          expect(recommendation.port, label).toBe(2525);
        } else {
          expect(recommendation.port, label).toBe(25);
        }
        if (recommendation.alternative) {
          expect(recommendation.alternative.port).not.toBe(recommendation.port);
          expect(usable).toContain(recommendation.alternative.port);
          expect(recommendation.alternative.port).not.toBe(25);
        } else {
          expect(usable.filter((p) => p !== recommendation.port && p !== 25), label).toEqual([]);
        }
      }

      const open = ports.filter((p) => isOpen(outcomes.get(p)!));
      expect(codes.includes('cleartext-only'), label).toBe(open.length > 0 && open.every((p) => ['plain', 'plain-auth'].includes(outcomes.get(p)!)));
      expect(codes.includes('port25-no-auth'), label).toBe(['plain', 'starttls'].includes(outcomes.get(25)!));
      expect(codes.includes('no-submission-port'), label).toBe(!([465, 587, 2525] as const).some((p) => isOpen(outcomes.get(p)!)));
      expect(codes.includes('smtp-after-pop')).toBe(false);
      for (const warning of warnings) expect(warning.message, label).toMatch(/[.]$/);
    }
  });
});

describe('recommend: preferences and warnings', () => {
  const both = [port(465, 'tls-auth'), port(587, 'starttls-auth')];

  it('prefers 587 when nothing was published, with 465 as the alternative', () => {
    const { recommendation } = recommend(both, { server });
    expect(recommendation).toMatchObject({ port: 587, security: 'starttls', alternative: { port: 465, security: 'tls' } });
    expect(recommendation?.summary).toBe('Use smtp.example.com, port 587 with STARTTLS, and sign in with your email password.');
  });

  it('prefers what discovery published', () => {
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 465, security: 'tls', authentication: 'password', source: 'srv', detail: 'SRV _submissions._tcp.example.com' }],
    };
    expect(recommend(both, { server, discovery }).recommendation).toMatchObject({ port: 465, alternative: { port: 587 } });
  });

  it('ignores a mere guess as a preference', () => {
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 465, security: 'tls', authentication: 'password', source: 'guess', detail: 'guess' }],
    };
    expect(recommend(both, { server, discovery }).recommendation?.port).toBe(587);
  });

  it('takes OAuth2 from the published setting', () => {
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 587, security: 'starttls', authentication: 'oauth2', source: 'ispdb', detail: 'ispdb' }],
    };
    const { recommendation } = recommend(both, { server, discovery });
    expect(recommendation).toMatchObject({ port: 587, authentication: 'oauth2' });
    expect(recommendation?.summary).toMatch(/OAuth2/);
  });

  it('holds a published encrypted password or Windows sign-in against the logins the server offers', () => {
    const published = (authentication: Authentication): DiscoveryResult => ({
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 587, security: 'starttls', authentication, source: 'autoconfig', detail: 'autoconfig' }],
    });
    const plainOnly = port(587, 'starttls-auth');
    const ntlmOnly = port(587, 'starttls-auth', { auth: ['NTLM'] });
    // Published NTLM, offered PLAIN LOGIN: a normal password, no NTLM step that would fail.
    expect(recommend([plainOnly], { server, discovery: published('ntlm') })).toMatchObject({ recommendation: { authentication: 'password' }, warnings: [] });
    // Published encrypted password, offered NTLM only: NTLM, and the warning that says so, which agree.
    const contradicted = recommend([ntlmOnly], { server, discovery: published('encrypted-password') });
    expect(contradicted.recommendation).toMatchObject({ authentication: 'ntlm' });
    expect(contradicted.warnings.map((w) => w.code)).toEqual(['auth-windows-only']);
    // Published and offered alike: as published.
    expect(recommend([ntlmOnly], { server, discovery: published('ntlm') }).recommendation).toMatchObject({ authentication: 'ntlm' });
    // Nothing published, CRAM-MD5 alone: a program set to a normal password would not try it.
    expect(recommend([port(587, 'starttls-auth', { auth: ['CRAM-MD5'] })], { server }).recommendation).toMatchObject({ authentication: 'encrypted-password' });
    expect(recommend([port(587, 'starttls-auth', { auth: ['CRAM-MD5', 'LOGIN'] })], { server }).recommendation).toMatchObject({ authentication: 'password' });
  });

  it('warns of an account token or an unknown login offered without TLS, as of a password', () => {
    const tokenInTheClear = recommend([port(2525, 'plain', { auth: ['XOAUTH2'] })], { server }).warnings;
    expect(tokenInTheClear).toContainEqual(expect.objectContaining({ code: 'auth-cleartext', port: 2525 }));
    const early = port(587, 'starttls-auth', { ehlo: { beforeTls: ['STARTTLS', 'AUTH X-VENDOR-LOGIN'], afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false } });
    expect(recommend([early], { server }).warnings.map((w) => w.code)).toEqual(['auth-before-tls']);
  });

  it('carries the published user name, from any entry of the same server, and says it in the summary', () => {
    const username = { form: 'local-part' as const, pattern: '%EMAILLOCALPART%', value: 'jdoe' };
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      // Published for 465 only; 587 is what gets recommended, and the login name is the same.
      candidates: [{ hostname: server, port: 465, security: 'tls', authentication: 'password', username, source: 'ispdb', detail: 'ispdb' }],
    };
    const chosen = recommend([port(587, 'starttls-auth'), port(465, 'timeout')], { server, discovery }).recommendation;
    expect(chosen).toMatchObject({ port: 587, username });
    expect(chosen?.summary).toBe('Use smtp.example.com, port 587 with STARTTLS, and sign in as jdoe with your email password.');
    const domainOnly = { ...discovery, candidates: [{ ...discovery.candidates[0]!, username: { ...username, value: null } }] };
    expect(recommend(both, { server, discovery: domainOnly }).recommendation?.summary).toBe(
      'Use smtp.example.com, port 465 with implicit TLS, and sign in with the part of your address before the @ as user name and your email password.',
    );
    // Nothing published (SRV, guesses): no user name is made up.
    expect(recommend(both, { server }).recommendation?.username).toBeNull();
  });

  it('keeps an encrypted password as published while the server offers a challenge-response login', () => {
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 587, security: 'starttls', authentication: 'encrypted-password', source: 'ispdb', detail: 'ispdb' }],
    };
    const offered = (auth: string[]) => recommend([port(587, 'starttls-auth', { auth })], { server, discovery }).recommendation;
    expect(offered(['CRAM-MD5', 'PLAIN', 'LOGIN'])).toMatchObject({ authentication: 'encrypted-password' });
    expect(offered(['CRAM-MD5', 'PLAIN', 'LOGIN'])?.summary).toMatch(/"encrypted password"/);
    expect(offered(['SCRAM-SHA-256'])?.authentication).toBe('encrypted-password');
    // A server that offers only plain logins would refuse the encrypted one: say what works.
    expect(offered(['PLAIN', 'LOGIN'])?.authentication).toBe('password');
  });

  it('recognises OAuth-only and certificate-only logins from the mechanisms', () => {
    expect(recommend([port(587, 'starttls-auth', { auth: ['XOAUTH2', 'OAUTHBEARER'] })], { server }).recommendation?.authentication).toBe('oauth2');
    expect(recommend([port(587, 'starttls-auth', { auth: ['EXTERNAL'] })], { server }).recommendation?.authentication).toBe('client-cert');
  });

  it('accepts a port without login when the provider publishes SMTP-after-POP, and warns', () => {
    const discovery: DiscoveryResult = {
      domain: 'example.com',
      steps: [],
      candidates: [{ hostname: server, port: 587, security: 'starttls', authentication: 'smtp-after-pop', source: 'autoconfig', detail: 'url' }],
    };
    const { recommendation, warnings } = recommend([port(587, 'starttls')], { server, discovery });
    expect(recommendation).toMatchObject({ port: 587, authentication: 'smtp-after-pop' });
    expect(warnings.map((w) => w.code)).toContain('smtp-after-pop');
  });

  it('judges IPv4 and IPv6 together: the address that got furthest counts', () => {
    const v6 = { ...port(587, 'timeout'), address: '2001:db8::1', family: 6 as const };
    expect(recommend([v6, port(587, 'starttls-auth')], { server }).recommendation?.port).toBe(587);
  });

  it('judges a port by the address that answered: TLS failure or implicit TLS over silence on the other address', () => {
    const silent = (p: ProbePort, state: 'timeout' | 'no-greeting') => ({ ...port(p, 'timeout'), state, address: '2001:db8::1', family: 6 as const });
    const handshakeFailed = { ...port(587, 'refused'), state: 'starttls-failed' as const, tlsError: 'error:0A00042E:SSL routines::tlsv1 alert protocol version' };
    expect(recommend([silent(587, 'timeout'), handshakeFailed], { server }).warnings[0]?.message).toMatch(/^Port 587 answers, but the TLS handshake failed/);
    const plain465 = { ...port(465, 'refused'), state: 'tls-unexpected' as const, banner: 'smtp.example.com ESMTP' };
    const implicit587 = { ...port(587, 'refused'), state: 'tls-expected' as const, tls: { ...goodTls, authorized: false, selfSigned: true, chainTrusted: false } };
    expect(recommend([plain465, silent(587, 'no-greeting'), implicit587], { server }).warnings.map((w) => w.code)).toContain('ports-swapped');
  });

  it('prefers a trusted certificate over the usual port order', () => {
    const selfSigned587 = port(587, 'starttls-auth-selfsigned');
    const { recommendation, warnings } = recommend([port(465, 'tls-auth'), selfSigned587], { server });
    expect(recommendation?.port).toBe(465);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'cert-untrusted', port: 587 }));
  });

  it('warns about an expired certificate and one for another name, on the ports a client will use', () => {
    const expired = port(587, 'starttls-auth', { tls: { ...goodTls, authorized: false, authorizationError: 'CERT_HAS_EXPIRED', expired: true } });
    const wrongName = port(465, 'tls-auth', { tls: { ...goodTls, authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID', matchesHost: false, validNames: ['other.example.net'] } });
    const selfSigned25 = port(25, 'starttls-auth-selfsigned');
    const { warnings } = recommend([expired, wrongName, selfSigned25], { server });
    const codes = warnings.map((w) => `${w.code}:${w.port}`);
    expect(codes).toContain('cert-expired:587');
    expect(codes).toContain('cert-name-mismatch:465');
    expect(codes).not.toContain('cert-untrusted:587');
    expect(codes).not.toContain('cert-untrusted:465');
    // Port 25's certificate is not where the client connects.
    expect(codes).not.toContain('cert-untrusted:25');
    expect(warnings.find((w) => w.code === 'cert-name-mismatch')?.message).toMatch(/other\.example\.net/);
    // The facts travel beside the English sentence, so the extension can say it in the customer's language.
    expect(warnings.find((w) => w.code === 'cert-name-mismatch')?.params).toEqual({ server, names: ['other.example.net'] });
    expect(warnings.find((w) => w.code === 'cert-expired')?.params).toEqual({ validTo: '2027-01-01' });
  });

  it('warns about weak keys, weak curves and SHA-1 signatures, and not about strong ones', () => {
    const weak = (tls: Partial<PortResult['tls']>) => recommend([port(465, 'tls-auth', { tls: { ...goodTls, ...tls } })], { server }).warnings.filter((w) => w.code === 'cert-weak-key');
    expect(weak({ keyType: 'RSA', keyBits: 1024, signatureAlgorithm: 'sha256WithRSAEncryption' })[0]?.message).toMatch(/1024-bit RSA key/);
    expect(weak({ keyType: 'EC', keyBits: 224, curve: 'secp224r1' })[0]?.message).toMatch(/224-bit elliptic curve \(secp224r1\)/);
    expect(weak({ keyType: 'EC', keyBits: 256, signatureAlgorithm: 'ecdsa-with-SHA1' })[0]?.message).toMatch(/SHA-1 signature/);
    expect(weak({ keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' })).toEqual([]);
    expect(weak({ keyType: 'EC', keyBits: 256, curve: 'prime256v1', signatureAlgorithm: 'ecdsa-with-SHA256' })).toEqual([]);
    expect(weak({ keyType: 'Ed25519', keyBits: null, signatureAlgorithm: 'Ed25519' })).toEqual([]);
  });

  it('warns when login is offered before STARTTLS', () => {
    const early = port(587, 'starttls-auth', { ehlo: { beforeTls: ['STARTTLS', 'AUTH PLAIN LOGIN'], afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false } });
    expect(recommend([early], { server }).warnings).toContainEqual(expect.objectContaining({ code: 'auth-before-tls', port: 587 }));
  });

  it('does not call Exchange\'s NTLM and Kerberos before STARTTLS a password sent in the clear', () => {
    // Exchange's client connector: Windows sign-in before TLS, the password login (LOGIN) only inside it.
    const exchange = port(587, 'starttls-auth', {
      auth: ['GSSAPI', 'NTLM', 'LOGIN'],
      ehlo: { beforeTls: ['STARTTLS', 'AUTH GSSAPI NTLM'], afterTls: ['AUTH GSSAPI NTLM LOGIN'], usedHelo: false },
    });
    const { recommendation, warnings } = recommend([exchange], { server });
    expect(warnings.map((w) => w.code)).toEqual([]);
    expect(recommendation).toMatchObject({ port: 587, authentication: 'password' });
    const older = port(587, 'starttls-auth', { ehlo: { beforeTls: ['STARTTLS', 'AUTH=LOGIN'], afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false } });
    expect(recommend([older], { server }).warnings.map((w) => w.code)).toEqual(['auth-before-tls']);
  });

  it('prefers a port a normal password works on to one that takes only Windows sign-in, and says how to sign in on that one', () => {
    const ntlmOnly = port(587, 'starttls-auth', { auth: ['NTLM', 'GSSAPI'], ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH NTLM GSSAPI'], usedHelo: false } });
    const both = recommend([ntlmOnly, port(465, 'tls-auth')], { server });
    expect(both.recommendation).toMatchObject({ port: 465, authentication: 'password' });
    expect(both.warnings.map((w) => w.code)).toEqual([]);

    const alone = recommend([ntlmOnly], { server });
    expect(alone.recommendation).toMatchObject({ port: 587, authentication: 'ntlm' });
    expect(alone.recommendation?.summary).toMatch(/a Windows sign-in, NTLM/);
    expect(alone.warnings).toEqual([
      expect.objectContaining({ code: 'auth-windows-only', port: 587, params: { method: 'ntlm', mechanisms: ['NTLM', 'GSSAPI'] }, message: expect.stringMatching(/NTLM \(in Outlook, "Secure Password Authentication \(SPA\)"\)/) }),
    ]);
    const kerberos = recommend([port(587, 'starttls-auth', { auth: ['GSSAPI'] })], { server });
    expect(kerberos.recommendation).toMatchObject({ authentication: 'kerberos' });
    expect(kerberos.warnings).toEqual([expect.objectContaining({ code: 'auth-windows-only', params: { method: 'kerberos', mechanisms: ['GSSAPI'] }, message: expect.stringMatching(/Kerberos \(GSSAPI\)/) })]);
    // Beside a password or account login, Windows sign-in is one choice among others: nothing to warn of.
    const withAccount = recommend([port(587, 'starttls-auth', { auth: ['NTLM', 'XOAUTH2'] })], { server });
    expect(withAccount.warnings).toEqual([]);
    expect(withAccount.recommendation).toMatchObject({ authentication: 'oauth2' });
    // A port that takes only Windows sign-in is no fallback for one a password works on…
    expect(both.recommendation?.alternative).toBeNull();
    // …but two such ports are each other's.
    const both465 = port(465, 'tls-auth', { auth: ['NTLM'] });
    expect(recommend([both465, ntlmOnly], { server }).recommendation).toMatchObject({ authentication: 'ntlm', alternative: { port: 465 } });
  });

  it('says a password crosses the network readable only where a login that carries it is offered', () => {
    const challengeOnly = recommend([port(587, 'plain', { auth: ['CRAM-MD5'] })], { server }).warnings.map((w) => w.code);
    expect(challengeOnly).not.toContain('auth-cleartext');
    expect(challengeOnly).toContain('cleartext-only');
    expect(recommend([port(587, 'plain', { auth: ['CRAM-MD5', 'LOGIN'] })], { server }).warnings).toContainEqual(
      expect.objectContaining({ code: 'auth-cleartext', port: 587, params: { mechanisms: ['CRAM-MD5', 'LOGIN'] } }),
    );
  });

  it('explains that only port 25 was checked', () => {
    const { recommendation, warnings } = recommend([port(25, 'plain')], { server });
    expect(recommendation).toBeNull();
    expect(warnings.find((w) => w.code === 'no-submission-port')?.message).toMatch(/No submission port/);
    expect(warnings.map((w) => w.code)).toEqual(['no-submission-port', 'cleartext-only', 'port25-no-auth']);
    expect(warnings[0]?.params).toEqual({ reason: 'none-checked', ports: [] });
  });

  it('says "it" of one submission port that answers without encryption, and "none of them" of several', () => {
    const one = recommend([port(587, 'plain', { state: 'rejected' })], { server }).warnings.find((w) => w.code === 'no-submission-port');
    expect(one?.message).toMatch(/^Port 587 answers, but it does not complete an encrypted SMTP session/);
    const two = recommend([port(465, 'plain', { state: 'protocol' }), port(587, 'plain', { state: 'rejected' })], { server }).warnings.find((w) => w.code === 'no-submission-port');
    expect(two?.message).toMatch(/answer, but none of them completes an encrypted SMTP session/);
  });

  it('says which submission ports stayed silent beside the one that answered without encryption', () => {
    const mixed = recommend([port(465, 'timeout'), port(587, 'timeout'), port(2525, 'plain', { state: 'rejected' })], { server }).warnings.find((w) => w.code === 'no-submission-port');
    expect(mixed?.params).toEqual({ reason: 'no-encrypted-session', ports: [2525] });
    expect(mixed?.message).toMatch(/^Ports 465 and 587 took no connection, and port 2525 answers, but it does not complete an encrypted SMTP session/);
  });

  it('names only the submission ports that were checked when none answered', () => {
    const two = recommend([port(25, 'plain'), port(465, 'timeout'), port(587, 'refused')], { server }).warnings.find((w) => w.code === 'no-submission-port');
    expect(two?.params).toEqual({ reason: 'none-answered', ports: [465, 587] });
    expect(two?.message).toMatch(/^None of the submission ports checked \(465, 587\) took a connection/);
    // A refused port did answer, with a refusal: the sentence must hold for it too.
    const one = recommend([port(25, 'plain'), port(587, 'refused')], { server }).warnings.find((w) => w.code === 'no-submission-port');
    expect(one?.params).toEqual({ reason: 'none-answered', ports: [587] });
    expect(one?.message).toMatch(/^Port 587, the submission port checked, took no connection/);
    expect(`${two?.message} ${one?.message}`).not.toContain('2525');
  });

  it('has nothing to say about no results at all except the missing submission port', () => {
    expect(recommend([], { server })).toEqual({ recommendation: null, warnings: [expect.objectContaining({ code: 'no-submission-port' })] });
  });
});
