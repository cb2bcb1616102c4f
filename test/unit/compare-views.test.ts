import { describe, expect, it } from 'vitest';
import type { PortResult, PortState, ProbePort, ProbeReport, Recommendation } from '../../src/core/api';
import { adviceForNetwork, blockedHere, compareViews, type ViewVerdict } from '../../src/core/diagnosis/compare';
import { composeReply } from '../../src/core/diagnosis/reply';
import { checkedFallback } from '../../src/core/diagnosis/submission';

const STATES: PortState[] = [
  'ok', 'refused', 'timeout', 'unreachable', 'no-greeting', 'tls-expected', 'tls-unexpected',
  'not-smtp', 'rejected', 'starttls-missing', 'starttls-failed', 'tls-failed', 'protocol',
];
const SILENT = new Set<PortState>(['refused', 'timeout', 'unreachable', 'no-greeting']);
const TAMPERED = new Set<PortState>(['tls-failed', 'starttls-failed', 'starttls-missing', 'not-smtp', 'protocol', 'tls-expected', 'tls-unexpected']);

function result(port: ProbePort, state: PortState, overrides: Partial<PortResult> = {}): PortResult {
  const spoke = !SILENT.has(state);
  return {
    port,
    address: '192.0.2.10',
    family: 4,
    state,
    message: `${state}.`,
    banner: spoke ? 'mail.example.com ESMTP Postfix' : null,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security: 'none',
    tls: null,
    auth: [],
    slowGreeting: false,
    latency: { connectMs: null, greetingMs: null, totalMs: 10 },
    ...overrides,
  };
}

function tls(fingerprint256: string): NonNullable<PortResult['tls']> {
  return {
    authorized: true, authorizationError: null, protocol: 'TLSv1.3', cipher: null, subject: 'mail.example.com', issuer: 'CA',
    validNames: ['mail.example.com'], validFrom: null, validTo: null, matchesHost: true, selfSigned: false, expired: false, fingerprint256,
  };
}

/** The rule table, written independently of the implementation's code path. */
function expected(service: PortState, local: PortState): ViewVerdict {
  if (SILENT.has(service) && SILENT.has(local)) return 'closed-at-server';
  if (SILENT.has(local)) return 'blocked-by-network';
  if (SILENT.has(service)) return 'local-only';
  if (service === 'ok' && TAMPERED.has(local)) return 'intercepted';
  if (service === local) return 'open-from-both';
  return 'unknown';
}

describe('compareViews: every combination of states', () => {
  for (const service of STATES) {
    for (const local of STATES) {
      it(`service ${service}, local ${local}`, () => {
        const { ports, summary } = compareViews([result(587, service)], [result(587, local)]);
        expect(ports).toHaveLength(1);
        expect(ports[0]).toMatchObject({ port: 587, service, local, verdict: expected(service, local) });
        expect(ports[0]!.sentence).toMatch(/^(Port|On port) 587\b.*\.$/);
        expect(summary).toMatch(/\.$/);
      });
    }
  }

  for (const state of STATES) {
    it(`only the service saw ${state}: unknown`, () => {
      const { ports, summary } = compareViews([result(25, state)], []);
      expect(ports[0]).toMatchObject({ verdict: 'unknown', service: state, local: null });
      expect(ports[0]!.sentence).toBe('Port 25 was only checked from the internet, so the two views cannot be compared.');
      expect(summary).toMatch(/cannot be compared/);
    });
    it(`only the local side saw ${state}: unknown`, () => {
      const { ports } = compareViews([], [result(25, state)]);
      expect(ports[0]).toMatchObject({ verdict: 'unknown', service: null, local: state });
      expect(ports[0]!.sentence).toMatch(/only checked from your network/);
    });
  }
});

describe('compareViews: interception', () => {
  it('a different greeting name', () => {
    const { ports } = compareViews([result(25, 'ok')], [result(25, 'ok', { banner: 'localhost ESMTP Avast! Mail Shield' })]);
    expect(ports[0]!.verdict).toBe('intercepted');
    expect(ports[0]!.sentence).toBe("On port 25, what answers your network greets as localhost instead of mail.example.com: an antivirus program or your provider's proxy is in the middle.");
  });

  it('the same greeting name with other text (a timestamp, a session id) is not interception', () => {
    const { ports } = compareViews(
      [result(25, 'ok', { banner: 'mx.google.com ESMTP a1b2c3 - gsmtp' })],
      [result(25, 'ok', { banner: 'MX.google.com ESMTP z9y8x7 - gsmtp' })],
    );
    expect(ports[0]!.verdict).toBe('open-from-both');
  });

  it('a different certificate fingerprint', () => {
    const { ports } = compareViews([result(465, 'ok', { security: 'tls', tls: tls('AA:BB') })], [result(465, 'ok', { security: 'tls', tls: tls('CC:DD') })]);
    expect(ports[0]!.verdict).toBe('intercepted');
    expect(ports[0]!.sentence).toMatch(/different certificate/);
  });

  it('the same certificate is open from both', () => {
    const { ports } = compareViews([result(465, 'ok', { tls: tls('AA:BB') })], [result(465, 'ok', { tls: tls('AA:BB') })]);
    expect(ports[0]!.verdict).toBe('open-from-both');
  });

  it('STARTTLS stripped on the way', () => {
    const { ports } = compareViews(
      [result(587, 'ok', { ehlo: { beforeTls: ['PIPELINING', 'STARTTLS'], afterTls: ['AUTH PLAIN'], usedHelo: false } })],
      [result(587, 'ok', { ehlo: { beforeTls: ['PIPELINING'], afterTls: null, usedHelo: false } })],
    );
    expect(ports[0]!.verdict).toBe('intercepted');
    expect(ports[0]!.sentence).toMatch(/hides the STARTTLS/);
  });

  it('says what the local side saw, with STARTTLS and TLS in capitals, and no "plain SMTP" where nothing greeted', () => {
    const service = [result(465, 'ok', { security: 'tls' }), result(587, 'ok', { security: 'starttls' })];
    const local = [result(465, 'tls-unexpected', { banner: null }), result(587, 'starttls-failed')];
    const [on465, on587] = compareViews(service, local).ports;
    expect(on465!.sentence).toContain('(not TLS, and no SMTP greeting)');
    expect(on587!.sentence).toContain('(open, but STARTTLS failed)');
    expect(compareViews(service, local, 'es').ports[0]!.sentence).toContain('(no es TLS y no hay saludo SMTP)');
  });

  it('pairs IPv4 with IPv4 when both sides have it', () => {
    const service = [result(25, 'timeout', { family: 6, address: '2001:db8::1' }), result(25, 'ok')];
    const local = [result(25, 'ok', { family: 6, address: '2001:db8::1' }), result(25, 'timeout')];
    expect(compareViews(service, local).ports[0]).toMatchObject({ verdict: 'blocked-by-network', service: 'ok', local: 'timeout' });
  });
});

function report(ports: PortResult[]): ProbeReport {
  return {
    target: 'example.com', kind: 'domain', server: 'mail.example.com', discovery: null, ports, recommendation: null, warnings: [],
    startedAt: '2026-11-28T00:00:00.000Z', durationMs: 1, cached: false,
  };
}

describe('compareViews: summary', () => {
  const all = (state: PortState, ports: ProbePort[] = [25, 465, 587]) => ports.map((port) => result(port, state));

  it('the provider blocks port 25', () => {
    const local = [result(25, 'timeout'), result(465, 'ok'), result(587, 'ok')];
    expect(compareViews(report(all('ok')), report(local)).summary).toBe(
      'Your server answers on 25, 465 and 587, but from your network port 25 times out, so your provider blocks it: use 587.',
    );
  });

  it('several ports blocked in different ways', () => {
    const local = [result(25, 'timeout'), result(465, 'refused'), result(587, 'timeout'), result(2525, 'ok')];
    expect(compareViews(all('ok', [25, 465, 587, 2525]), local).summary).toBe(
      'Your server answers on 25, 465, 587 and 2525, but from your network ports 25 and 587 time out and port 465 is refused, so your provider blocks them: use 2525.',
    );
  });

  it('nothing in the way', () => {
    expect(compareViews(all('ok'), all('ok')).summary).toBe('Your server answers on 25, 465 and 587 from the internet and from your network alike: use 587.');
  });

  it('everything blocked', () => {
    expect(compareViews(all('ok'), all('timeout')).summary).toBe(
      'Your server answers on 25, 465 and 587, but from your network ports 25, 465 and 587 time out, so your provider blocks them: no port reaches your server unchanged from your network, so ask your provider to unblock 587 or try another network.',
    );
  });

  it('the server is down', () => {
    expect(compareViews(all('timeout'), all('refused')).summary).toBe(
      'Your server answers on none of ports 25, 465 and 587, from the internet or from your network, so the problem is at the server, not your network.',
    );
  });

  it('interception on 465 and a block on 25', () => {
    const local = [result(25, 'refused'), result(465, 'ok', { tls: tls('EE') }), result(587, 'ok')];
    const service = [result(25, 'ok'), result(465, 'ok', { tls: tls('AA') }), result(587, 'ok')];
    expect(compareViews(service, local).summary).toBe(
      "Your server answers on 25, 465 and 587, but from your network port 25 is refused, so your provider blocks it, and on port 465 something on your network (an antivirus program or your provider's proxy) answers in your server's place: use 587.",
    );
  });

  it('a port that answers only locally', () => {
    const service = [result(25, 'timeout'), result(587, 'ok')];
    const local = [result(25, 'ok'), result(587, 'ok')];
    expect(compareViews(service, local).summary).toBe('Your server answers on 587, but port 25 answers only from your network: use 587.');
  });

  it('no port in common', () => {
    expect(compareViews([result(25, 'ok')], [result(587, 'ok')]).summary).toMatch(/no port in common/);
  });
});

describe('the recommendation and the customer network', () => {
  const recommended = (port: 465 | 587): Recommendation => ({
    server: 'mail.example.com',
    port,
    security: port === 465 ? 'tls' : 'starttls',
    authentication: 'password',
    summary: 'from the service',
    alternative: port === 465 ? { port: 587, security: 'starttls' } : { port: 465, security: 'tls' },
  });
  const withAdvice = (ports: PortResult[], port: 465 | 587): ProbeReport => ({ ...report(ports), recommendation: recommended(port) });
  const open = [result(25, 'ok'), result(465, 'ok'), result(587, 'ok')];

  it("the fallback leaves out a port this network blocks, in the agent's reply and in what \"Use these settings\" keeps", () => {
    const served = [result(25, 'ok'), result(465, 'ok', { security: 'tls', auth: ['PLAIN'] }), result(587, 'ok', { security: 'starttls', auth: ['PLAIN'] })];
    const local = [result(25, 'ok'), result(465, 'timeout'), result(587, 'ok', { security: 'starttls', auth: ['PLAIN'] })];
    const service = withAdvice(served, 465);
    const comparison = compareViews(service, report(local));
    const text = composeReply({ report: service, client: null, locale: 'en', format: 'text', comparison });
    expect(text).toContain('- Port: 587');
    expect(text).not.toMatch(/Try port 465/);
    expect(text).toContain('The check found no other port that works for you instead of 587.');
    expect(checkedFallback(service.ports, adviceForNetwork(service.recommendation!, comparison), blockedHere(comparison))).toEqual({ failed: [465], alternative: null });
  });

  it('the summary starts from the port the service recommends', () => {
    expect(compareViews(withAdvice(open, 465), report(open)).summary).toMatch(/alike: use 465\.$/);
    expect(compareViews(withAdvice(open, 587), report(open)).summary).toMatch(/alike: use 587\.$/);
  });

  it('when the recommended port is blocked locally, the summary and the advice both move to the alternative', () => {
    const local = [result(25, 'ok'), result(465, 'timeout'), result(587, 'ok')];
    const comparison = compareViews(withAdvice(open, 465), report(local));
    expect(comparison.summary).toBe('Your server answers on 25, 465 and 587, but from your network port 465 times out, so your provider blocks it: use 587 instead of 465.');
    const advice = adviceForNetwork(recommended(465), comparison);
    // 465 does not get through from here, so it is no fallback either.
    expect(advice).toMatchObject({ port: 587, security: 'starttls', authentication: 'password', alternative: null });
  });

  it('an intercepted recommended port moves the advice too', () => {
    const service = [result(465, 'ok'), result(587, 'ok', { tls: tls('AA') })];
    const local = [result(465, 'ok'), result(587, 'ok', { tls: tls('EE') })];
    expect(adviceForNetwork(recommended(587), compareViews(withAdvice(service, 587), report(local)))).toMatchObject({ port: 465, security: 'tls' });
  });

  it('the summary and the advice always name the same port', () => {
    const states: PortState[] = ['ok', 'timeout', 'refused', 'tls-failed'];
    let checked = 0;
    for (const on25 of states) {
      for (const on465 of states) {
        for (const on587 of states) {
          const local = [result(25, on25), result(465, on465), result(587, on587)];
          for (const port of [465, 587] as const) {
            const comparison = compareViews(withAdvice(open, port), report(local));
            const advice = adviceForNetwork(recommended(port), comparison);
            if (comparison.best === null) {
              // The port stands; only a fallback blocked from here may be dropped.
              expect({ ...advice, alternative: recommended(port).alternative }).toEqual(recommended(port));
              expect([recommended(port).alternative, null]).toContainEqual(advice.alternative);
              expect(comparison.summary).not.toMatch(/: use \d+/);
            } else {
              expect(advice.port).toBe(comparison.best);
              expect(comparison.summary).toMatch(new RegExp(`: use ${advice.port}( instead of ${port})?\\.$`));
            }
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(128);
  });

  it('never advises port 25 against the recommendation, even when only 25 gets through', () => {
    const local = [result(25, 'ok'), result(465, 'timeout'), result(587, 'timeout')];
    const comparison = compareViews(withAdvice(open, 587), report(local));
    expect(comparison.best).toBeNull();
    expect(comparison.summary).toBe(
      'Your server answers on 25, 465 and 587, but from your network ports 465 and 587 time out, so your provider blocks them: the ports for mail programs (587 and 465) do not get through from your network, so ask your provider to unblock 587 or try another network.',
    );
    expect(compareViews(withAdvice(open, 587), report(local), 'es').summary).toMatch(/: los puertos para programas de correo \(587 y 465\) no pasan desde su red/);
  });

  it('the advice stands when it gets through, when nothing better does, or when the port was not compared', () => {
    expect(adviceForNetwork(recommended(587), compareViews(withAdvice(open, 587), report(open)))).toEqual(recommended(587));
    // Nothing better gets through: the port stands, but an alternative blocked from here is dropped.
    const bothBlocked = [result(25, 'ok'), result(465, 'timeout'), result(587, 'timeout')];
    expect(adviceForNetwork(recommended(587), compareViews(withAdvice(open, 587), report(bothBlocked)))).toEqual({ ...recommended(587), alternative: null });
    const alternativeBlocked = [result(25, 'ok'), result(465, 'timeout'), result(587, 'ok')];
    expect(adviceForNetwork(recommended(587), compareViews(withAdvice(open, 587), report(alternativeBlocked)))).toEqual({ ...recommended(587), alternative: null });
    expect(adviceForNetwork(recommended(587), compareViews([result(25, 'ok')], [result(25, 'ok')]))).toEqual(recommended(587));
  });
});

describe('compareViews in Spanish', () => {
  const open = [result(25, 'ok'), result(465, 'ok'), result(587, 'ok')];

  it('says the summary and every sentence in Spanish', () => {
    const local = [result(25, 'timeout'), result(465, 'ok'), result(587, 'ok')];
    const comparison = compareViews(open, local, 'es');
    expect(comparison.summary).toBe('Su servidor responde en 25, 465 y 587, pero desde su red el puerto 25 no responde a tiempo, así que su proveedor lo bloquea: use el 587.');
    expect(comparison.ports[0]!.sentence).toBe(
      'El puerto 25 responde desde internet, pero desde su red no responde a tiempo, así que su proveedor o un cortafuegos de su red lo bloquea.',
    );
    expect(comparison.ports[2]!.sentence).toBe('El puerto 587 responde igual desde internet que desde su red, así que su red no estorba.');
  });

  it('groups several blocked ports and names the interceptor', () => {
    const local = [result(25, 'timeout'), result(465, 'ok', { tls: tls('EE') }), result(587, 'timeout')];
    const service = [result(25, 'ok'), result(465, 'ok', { tls: tls('AA') }), result(587, 'ok')];
    const comparison = compareViews(service, local, 'es');
    expect(comparison.summary).toBe(
      'Su servidor responde en 25, 465 y 587, pero desde su red los puertos 25 y 587 no responden a tiempo, así que su proveedor los bloquea, y en el puerto 465 algo en su red (un antivirus o el proxy de su proveedor) responde en lugar de su servidor: ningún puerto llega a su servidor sin cambios desde su red, así que pida a su proveedor que desbloquee el 587 o pruebe con otra red.',
    );
    expect(comparison.ports[1]!.sentence).toBe('En el puerto 465, lo que responde a su red muestra un certificado distinto del de su servidor: un antivirus o el proxy de su proveedor está en medio.');
  });

  it('has no English left in any verdict for any pair of states', () => {
    const english = /\b(?:the|your|from|answers|port|and|but)\b/;
    for (const service of STATES) {
      for (const local of STATES) {
        const comparison = compareViews([result(587, service)], [result(587, local)], 'es');
        expect(comparison.ports[0]!.sentence, `${service}/${local}`).not.toMatch(english);
        expect(comparison.summary, `${service}/${local}`).not.toMatch(english);
      }
    }
    expect(compareViews([result(25, 'ok')], [result(587, 'ok')], 'es').summary).not.toMatch(english);
  });
});
