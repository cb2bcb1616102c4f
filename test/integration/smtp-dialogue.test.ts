/**
 * Every port state, each produced by a fixture server on 127.0.0.1 that behaves like a kind of
 * server found in the wild. runDialogue takes any port; production code uses probePort (four ports).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogue, type DialogueOptions } from '../../src/server/smtp/dialogue';
import { probePort } from '../../src/server/smtp/probe-port';
import { certificateWorkshop, type CertificateWorkshop, type TestCertificate } from '../helpers/smtp-certs';
import { closedPort, implicitTlsServer, rawServer, scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const FAST = { connectMs: 1000, greetingMs: 800, slowGreetingMs: 400, commandMs: 1000, totalMs: 5000 };

let workshop: CertificateWorkshop;
let localhostCert: TestCertificate;
const fixtures: Fixture[] = [];

beforeAll(() => {
  workshop = certificateWorkshop();
  localhostCert = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
});

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  workshop?.cleanUp();
});

async function track(fixture: Promise<Fixture>): Promise<Fixture> {
  const ready = await fixture;
  fixtures.push(ready);
  return ready;
}

function probe(port: number, extra: Partial<DialogueOptions> = {}) {
  return runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST, ...extra });
}

describe('connection states', () => {
  it('refused: nothing listens', async () => {
    const result = await probe(await closedPort());
    expect(result.state).toBe('refused');
    expect(result.message).toMatch(/refused the connection/);
    expect(result.latency.connectMs).toBeNull();
  });

  it('timeout: a TCP connect that never completes (simulated with a socket that never connects, since loopback always answers)', async () => {
    const started = Date.now();
    const result = await probe(25, { openSocket: () => new net.Socket(), timeouts: { ...FAST, connectMs: 300 } });
    expect(result.state).toBe('timeout');
    expect(result.message).toMatch(/did not answer within 300 ms; a firewall/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('unreachable: no route to the host (simulated: loopback always has a route)', async () => {
    const noRoute = () => {
      const socket = new net.Socket();
      setImmediate(() => socket.destroy(Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })));
      return socket;
    };
    const result = await probe(25, { openSocket: noRoute });
    expect(result.state).toBe('unreachable');
    expect(result.message).toMatch(/cannot be reached from the probe: no route to that host; the address may be down/);
    expect(result.message).not.toContain('EHOSTUNREACH');
  });

  it('no-greeting: a tarpit accepts and says nothing, and is not a TLS server either', async () => {
    const tarpit = await track(rawServer(() => {}));
    const result = await probe(tarpit.port);
    expect(result.state).toBe('no-greeting');
    expect(result.message).toMatch(/sent no SMTP greeting within 800 ms/);
    // The second connection is the implicit-TLS check; the probe never wrote a byte of SMTP.
    expect(tarpit.connections).toBe(2);
    expect(tarpit.received).toEqual([]);
  });

  it('the overall limit stops a tarpit early and says so', async () => {
    const tarpit = await track(rawServer(() => {}));
    const started = Date.now();
    const result = await probe(tarpit.port, { timeouts: { ...FAST, greetingMs: 5000, totalMs: 400 } });
    expect(result.state).toBe('no-greeting');
    expect(result.message).toMatch(/did not finish within 400 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an AbortSignal cancels a waiting probe at once', async () => {
    const tarpit = await track(rawServer(() => {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const result = await probe(tarpit.port, { signal: controller.signal, timeouts: { ...FAST, greetingMs: 5000 } });
    expect(result.message).toMatch(/cancelled during greeting/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('greetings', () => {
  it('ok but slow: a 2 s banner is reported as slow', async () => {
    const server = await track(scriptedSmtp({ greetingDelayMs: 2000, certificate: localhostCert }));
    const result = await probe(server.port, { timeouts: { ...FAST, greetingMs: 4000, slowGreetingMs: 1000 } });
    expect(result.state).toBe('ok');
    expect(result.slowGreeting).toBe(true);
    expect(result.latency.greetingMs).toBeGreaterThanOrEqual(1900);
  });

  it('waits for the final 220 after a postscreen-style teaser and never speaks early', async () => {
    let finalSentAt = 0;
    const server = await track(
      rawServer((socket, fixture) => {
        socket.write('220-fixture.test ESMTP teaser\r\n');
        const timer = setTimeout(() => {
          finalSentAt = Date.now();
          socket.write('220 fixture.test ESMTP ready\r\n');
        }, 1000);
        socket.on('close', () => clearTimeout(timer));
        socket.on('data', (chunk) => {
          fixture.received.push({ line: chunk.toString().trim(), at: Date.now(), tls: false });
          if (/^QUIT/m.test(chunk.toString())) socket.end('221 bye\r\n');
          else socket.write('250 fixture.test\r\n');
        });
      }),
    );
    const result = await probe(server.port, { timeouts: { ...FAST, greetingMs: 3000 } });
    expect(result.banner).toBe('fixture.test ESMTP teaser\nfixture.test ESMTP ready');
    expect(server.received.length).toBeGreaterThan(0);
    expect(server.received[0]?.at).toBeGreaterThanOrEqual(finalSentAt);
    expect(finalSentAt).toBeGreaterThan(0);
    expect(result.state).toBe('starttls-missing');
  });

  it.each([
    ['554 5.7.1 No SMTP service here\r\n', /refused to talk to the probe \(554 5\.7\.1 No SMTP service here\)/],
    ['421 4.3.2 Service shutting down\r\n', /refused to talk to the probe \(421/],
  ])('rejected: greeting %j', async (greeting, message) => {
    const server = await track(scriptedSmtp({ greeting }));
    const result = await probe(server.port);
    expect(result.state).toBe('rejected');
    expect(result.message).toMatch(message);
    expect(result.banner).toMatch(/^4\.3\.2|^5\.7\.1/);
  });

  it.each([
    ['SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n', /an SSH server/],
    ['HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n', /a web server/],
  ])('not-smtp: %j', async (banner, message) => {
    const server = await track(rawServer((socket) => socket.write(banner)));
    const result = await probe(server.port);
    expect(result.state).toBe('not-smtp');
    expect(result.message).toMatch(message);
    expect(server.received).toEqual([]);
  });

  it('protocol: the server closes in the middle of a multi-line greeting', async () => {
    const server = await track(rawServer((socket) => socket.end('220-fixture.test first line\r\n')));
    const result = await probe(server.port);
    expect(result.state).toBe('protocol');
    expect(result.message).toMatch(/closed the connection in the middle of its greeting/);
  });

  it('protocol: an endless line ends the dialogue without growing memory', async () => {
    let written = 0;
    const server = await track(
      rawServer((socket) => {
        const chunk = Buffer.alloc(16 * 1024, 0x32);
        const pump = () => {
          while (!socket.destroyed && written < 64 * 1024 * 1024 && socket.write(chunk)) written += chunk.length;
        };
        socket.on('drain', pump);
        pump();
      }),
    );
    const result = await probe(server.port);
    expect(result.state).toBe('protocol');
    expect(result.message).toMatch(/line longer than 4096 bytes/);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('protocol: an EHLO reply over 64 KiB', async () => {
    const huge = `${'250-X-PADDING '.padEnd(1000, 'x')}\r\n`.repeat(80) + '250 end\r\n';
    const server = await track(scriptedSmtp({ respond: (command) => (command.startsWith('EHLO') ? huge : undefined) }));
    const result = await probe(server.port);
    expect(result.state).toBe('protocol');
    expect(result.message).toMatch(/reply longer than 65536 bytes/);
  });
});

describe('EHLO and STARTTLS', () => {
  it('rejected: a refused EHLO names EHLO alone, since HELO follows only a 500 or 502', async () => {
    const server = await track(scriptedSmtp({ respond: (command) => (/^EHLO/i.test(command) ? '554 5.7.1 Not from your network\r\n' : undefined) }));
    const result = await probe(server.port);
    expect(result.state).toBe('rejected');
    expect(result.message).toMatch(/refused the probe's EHLO \(554/);
    expect(server.received.map((entry) => entry.line.split(' ')[0])).not.toContain('HELO');
  });

  it('rejected: EHLO unknown (502) and HELO refused names both', async () => {
    const server = await track(scriptedSmtp({ respond: (command) => (/^EHLO/i.test(command) ? '502 5.5.2 Unknown\r\n' : /^HELO/i.test(command) ? '554 5.7.1 No\r\n' : undefined) }));
    const result = await probe(server.port);
    expect(result.state).toBe('rejected');
    expect(result.message).toMatch(/refused the probe's EHLO and HELO \(554/);
  });

  it('protocol: a server that closes after its greeting did not close "in the middle of a reply"', async () => {
    const server = await track(rawServer((socket) => {
      socket.write('220 fixture.test ESMTP\r\n');
      socket.once('data', () => socket.end());
    }));
    const result = await probe(server.port);
    expect(result.state).toBe('protocol');
    expect(result.message).toMatch(/closed the connection without answering EHLO/);
  });

  it('protocol: a server that closes half-way through its EHLO reply did', async () => {
    const server = await track(rawServer((socket) => {
      socket.write('220 fixture.test ESMTP\r\n');
      socket.once('data', () => socket.end('250-fixture.test greets you\r\n250-PIPELINING\r\n'));
    }));
    const result = await probe(server.port);
    expect(result.state).toBe('protocol');
    expect(result.message).toMatch(/closed the connection in the middle of a reply during EHLO/);
  });

  it('ok: STARTTLS, then EHLO again; AUTH read only after TLS', async () => {
    const server = await track(scriptedSmtp({ certificate: localhostCert }));
    const result = await probe(server.port);
    expect(result).toMatchObject({ state: 'ok', security: 'starttls', auth: ['PLAIN', 'LOGIN'] });
    expect(result.ehlo.beforeTls).toContain('STARTTLS');
    expect(result.ehlo.beforeTls).not.toContain('AUTH PLAIN LOGIN');
    expect(result.ehlo.afterTls).toContain('AUTH PLAIN LOGIN');
    expect(result.tls).toMatchObject({ matchesHost: true, selfSigned: true, authorized: false });
    const commands = server.received.map((entry) => `${entry.tls ? 'tls ' : ''}${entry.line.split(' ')[0]}`);
    expect(commands).toEqual(['EHLO', 'STARTTLS', 'tls EHLO', 'tls QUIT']);
    expect(server.received.some((entry) => /^(MAIL|RCPT|DATA|AUTH)/i.test(entry.line))).toBe(false);
  });

  it('greets with its address literal by default (RFC 5321 4.1.4) and with ehloName when given', async () => {
    const server = await track(scriptedSmtp({}));
    await probe(server.port);
    await probe(server.port, { ehloName: 'probe.example.org' });
    await probe(server.port, { ehloName: 'x\r\nMAIL FROM:<a@example.com>' });
    expect(server.received.filter((entry) => entry.line.startsWith('EHLO')).map((entry) => entry.line)).toEqual([
      'EHLO [127.0.0.1]',
      'EHLO probe.example.org',
      'EHLO [127.0.0.1]',
    ]);
    expect(server.received.some((entry) => entry.line.startsWith('MAIL'))).toBe(false);
  });

  it('falls back to HELO when EHLO is answered 502', async () => {
    const server = await track(scriptedSmtp({ respond: (command) => (command.startsWith('EHLO') ? '502 5.5.1 EHLO not implemented\r\n' : undefined) }));
    const result = await probe(server.port);
    expect(result.ehlo.usedHelo).toBe(true);
    expect(result.state).toBe('starttls-missing');
    expect(server.received.map((entry) => entry.line.split(' ')[0])).toEqual(['EHLO', 'HELO', 'QUIT']);
  });

  it('starttls-missing: still reports the banner, EHLO and a plaintext AUTH offer', async () => {
    const server = await track(scriptedSmtp({ authBeforeTls: true }));
    const result = await probe(server.port);
    expect(result).toMatchObject({ state: 'starttls-missing', security: 'none', tls: null, auth: ['PLAIN', 'LOGIN'], banner: 'fixture.test ESMTP ready' });
    expect(result.message).toMatch(/without offering STARTTLS.*it even offers login/);
  });

  it('starttls-failed: STARTTLS answered 454', async () => {
    const server = await track(
      scriptedSmtp({ certificate: localhostCert, respond: (command) => (command === 'STARTTLS' ? '454 4.7.0 TLS not available due to local problem\r\n' : undefined) }),
    );
    const result = await probe(server.port);
    expect(result.state).toBe('starttls-failed');
    expect(result.message).toMatch(/refused to start it \(454 4\.7\.0/);
    expect(server.received.at(-1)?.line).toBe('QUIT');
  });

  it('starttls-failed: the handshake after 220 fails', async () => {
    const server = await track(scriptedSmtp({ certificate: localhostCert, afterStartTls: 'garbage' }));
    const result = await probe(server.port);
    expect(result.state).toBe('starttls-failed');
    expect(result.message).toMatch(/agreed to STARTTLS but the TLS handshake failed/);
  });

  it('rejected: 421 in answer to EHLO', async () => {
    const server = await track(scriptedSmtp({ respond: (command) => (command.startsWith('EHLO') ? '421 4.7.0 Too many connections\r\n' : undefined) }));
    const result = await probe(server.port);
    expect(result.state).toBe('rejected');
    expect(result.message).toMatch(/closed the session during EHLO \(421 4\.7\.0 Too many connections\)/);
  });

  it('discards a reply smuggled in after the 220 to STARTTLS (RFC 3207 4.2)', async () => {
    const server = await track(
      scriptedSmtp({
        certificate: localhostCert,
        respond: (command) => (command === 'STARTTLS' ? '220 2.0.0 Ready\r\n250-injected\r\n250 AUTH PLAIN\r\n' : undefined),
      }),
    );
    const result = await probe(server.port);
    // Read as the answer to the EHLO after TLS, the smuggled lines would give AUTH PLAIN only.
    expect(result.state).toBe('ok');
    expect(result.ehlo.afterTls).toEqual(['PIPELINING', 'AUTH PLAIN LOGIN', '8BITMIME']);
    expect(result.auth).toEqual(['PLAIN', 'LOGIN']);
  });
});

describe('TLS on the wrong port', () => {
  it('tls-expected: a STARTTLS port that is really implicit TLS', async () => {
    const server = await track(implicitTlsServer(localhostCert, (socket) => socket.write('220 fixture.test ESMTP over TLS\r\n')));
    const result = await probe(server.port);
    expect(result.state).toBe('tls-expected');
    expect(result.message).toMatch(/waits for TLS from the first byte/);
    expect(result.tls?.validNames).toEqual(['localhost']);
    expect(result.banner).toBe('fixture.test ESMTP over TLS');
  });

  it('tls-unexpected: implicit TLS spoken to a plaintext SMTP port', async () => {
    const server = await track(scriptedSmtp({}));
    const result = await probe(server.port, { mode: 'implicit' });
    expect(result.state).toBe('tls-unexpected');
    expect(result.message).toMatch(/speaks plain SMTP with a 220 greeting instead of TLS: choose STARTTLS/);
    expect(result.banner).toBe('fixture.test ESMTP ready');
  });

  it('not-smtp: implicit TLS spoken to an SSH server', async () => {
    const server = await track(rawServer((socket) => socket.write('SSH-2.0-OpenSSH_9.2p1\r\n')));
    const result = await probe(server.port, { mode: 'implicit' });
    expect(result.state).toBe('not-smtp');
  });

  it('tls-failed: the implicit TLS handshake is cut off', async () => {
    const server = await track(rawServer((socket) => socket.once('data', () => socket.destroy())));
    const result = await probe(server.port, { mode: 'implicit' });
    expect(result.state).toBe('tls-failed');
    expect(result.message).toMatch(/TLS handshake failed/);
  });

  it('no-greeting: an implicit TLS port that never answers the handshake', async () => {
    const tarpit = await track(rawServer(() => {}));
    const result = await probe(tarpit.port, { mode: 'implicit' });
    expect(result.state).toBe('no-greeting');
    expect(result.message).toMatch(/did not answer the TLS handshake/);
  });

  it('ok: implicit TLS reads AUTH from the only EHLO, which is after TLS', async () => {
    const server = await track(
      implicitTlsServer(localhostCert, (socket) => {
        socket.write('220 fixture.test ESMTPS\r\n');
        socket.on('data', (chunk) => {
          const text = chunk.toString();
          if (text.startsWith('EHLO')) socket.write('250-fixture.test\r\n250 AUTH PLAIN\r\n');
          else if (text.startsWith('QUIT')) socket.end('221 bye\r\n');
        });
      }),
    );
    const result = await probe(server.port, { mode: 'implicit' });
    expect(result).toMatchObject({ state: 'ok', security: 'tls', auth: ['PLAIN'], ehlo: { beforeTls: null, afterTls: ['AUTH PLAIN'] } });
  });
});

describe('probePort', () => {
  it('contacts nothing when handed a name instead of an address', async () => {
    const result = await probePort({ address: 'localhost', family: 4, port: 587, hostname: 'localhost' });
    expect(result.state).toBe('refused');
    expect(result.message).toMatch(/not an IP address, so port 587 was not contacted/);
  });

  it('contacts nothing on a port outside the four', async () => {
    const result = await probePort({ address: '127.0.0.1', family: 4, port: 22 as 25, hostname: 'localhost' });
    expect(result.message).toMatch(/only checks ports 25, 465, 587 and 2525/);
  });
});
