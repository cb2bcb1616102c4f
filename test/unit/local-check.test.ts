import { describe, expect, it } from 'vitest';
import type { PortResult, ProbeReport } from '../../src/core/api';
import { compareViews } from '../../src/core/diagnosis/compare';
import { CLIENTS } from '../../src/core/clients/registry';
import { composeReply } from '../../src/core/diagnosis/reply';
import { hostBrowserFrom, installHostCommand, isPlainServer, probeCommand } from '../../src/core/local-command';
import { parseMessage } from '../../src/extension/platform/messages';
import { MAX_PASTE_CHARS, parseNativeReply, parsePastedReport } from '../../src/extension/check/outside-report';

function port(number: PortResult['port'], state: PortResult['state']): PortResult {
  const ok = state === 'ok';
  return {
    port: number,
    address: '192.0.2.10',
    family: 4,
    state,
    message: `port ${number} ${state}`,
    banner: ok ? 'mail.example.net ESMTP' : null,
    ehlo: { beforeTls: ok ? ['PIPELINING', 'STARTTLS'] : null, afterTls: ok ? ['AUTH PLAIN'] : null, usedHelo: false },
    security: ok ? 'starttls' : 'none',
    tls: null,
    auth: ok ? ['PLAIN'] : [],
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
  };
}

function report(ports: PortResult[], server = 'mail.example.net'): ProbeReport {
  return {
    target: 'customer@example.net',
    kind: 'email',
    server,
    discovery: null,
    ports,
    recommendation: { server, port: 587, security: 'starttls', authentication: 'password', summary: 's', alternative: null },
    warnings: [],
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 900,
    cached: false,
  };
}

const SERVICE = report([port(25, 'ok'), port(465, 'ok'), port(587, 'ok')]);
const BLOCKED = report([port(25, 'timeout'), port(465, 'ok'), port(587, 'ok')]);

describe('commands for the customer', () => {
  it.each(['smtp.example.net', 'mail-1.example.co.uk', '192.0.2.25', '2001:db8::25', 'localhost'])('%s is one plain word in every shell', (server) => {
    expect(isPlainServer(server)).toBe(true);
    expect(probeCommand(server)).toBe(`npx --yes --package=smtp-port-assistant smtp-probe ${server} --no-discovery --json`);
  });

  it.each(["o'brien.example.net", 'a;rm -rf ~', '$(id).example.net', '%PATH%', '-rf', 'smtp.example.net.', 'two words', 'back`tick', 'ann@example.net', ''])(
    '%j gets no command rather than a quoting that one shell reads differently',
    (server) => {
      expect(isPlainServer(server)).toBe(false);
      expect(probeCommand(server)).toBeNull();
    },
  );

  it('builds the one-off probe with --json and the install for the browser in use', () => {
    expect(probeCommand(' smtp.example.net ')).toBe('npx --yes --package=smtp-port-assistant smtp-probe smtp.example.net --no-discovery --json');
    expect(installHostCommand('edge')).toBe('npx --yes --package=smtp-port-assistant smtp-probe install-host --browser edge');
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:142.0) Gecko/20100101 Firefox/142.0', [], 'firefox'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/140.0 Safari/537.36 Edg/140.0', [], 'edge'],
    ['Mozilla/5.0 … Chrome/140.0', ['Microsoft Edge', 'Chromium'], 'edge'],
    ['Mozilla/5.0 … Chrome/140.0', ['Google Chrome', 'Chromium', 'Not_A Brand'], 'chrome'],
    ['Mozilla/5.0 (X11; Linux x86_64) … Chrome/156.0', ['Chromium', 'Not_A Brand'], 'chromium'],
    ['Mozilla/5.0 … Chrome/140.0', [], 'chrome'],
  ] as const)('%s with brands %j installs for %s', (agent, brands, browser) => {
    expect(hostBrowserFrom(agent, brands)).toBe(browser);
  });
});

describe('parsePastedReport', () => {
  const json = JSON.stringify(BLOCKED, null, 2);

  it('takes the report out of a pasted terminal session', () => {
    const pasted = `$ npx --yes --package=smtp-port-assistant smtp-probe mail.example.net --json\n${json}\n$ `;
    expect(parsePastedReport(pasted)).toEqual({ ok: true, report: BLOCKED });
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['connection timed out', 'not-json'],
    ['} backwards {', 'not-json'],
    [json.slice(0, -20), 'not-json'],
    ['{"server":"mail.example.net","ports":"all fine"}', 'not-report'],
    [JSON.stringify({ ...BLOCKED, ports: [{ ...BLOCKED.ports[0], state: 'exploded' }] }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, ports: [{ ...BLOCKED.ports[0], family: 5 }] }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, ports: [{ ...BLOCKED.ports[0], ehlo: null }] }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, ports: [{ ...BLOCKED.ports[0], tls: { fingerprint256: 7 } }] }), 'not-report'],
    // Without its alternative a recommendation would read as "no other port works".
    [JSON.stringify({ ...BLOCKED, recommendation: { ...BLOCKED.recommendation, alternative: undefined } }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, recommendation: { ...BLOCKED.recommendation, alternative: { port: 465, security: 'ssl' } } }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, recommendation: { ...BLOCKED.recommendation, alternative: { port: 465, security: 'none' } } }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, recommendation: { ...BLOCKED.recommendation, alternative: { port: 8080, security: 'tls' } } }), 'not-report'],
    [JSON.stringify({ ...BLOCKED, recommendation: { ...BLOCKED.recommendation, alternative: { port: 587, security: 'starttls' } } }), 'not-report'],
  ])('refuses %j as %s', (text, reason) => {
    expect(parsePastedReport(text)).toEqual({ ok: false, reason });
  });

  it('drops control and bidi characters from a pasted report before anything shows it', () => {
    const hostile = { ...BLOCKED, ports: [{ ...BLOCKED.ports[1]!, banner: 'mail\u001b]0;T\u0007 \u202eten.elpmaxe ESMTP' }] };
    const pasted = parsePastedReport(JSON.stringify(hostile));
    expect(pasted.ok && pasted.report.ports[0]!.banner).toBe('mail]0;T ten.elpmaxe ESMTP');
    const reply = parseNativeReply({ type: 'result', id: 1, report: hostile });
    expect(reply?.type === 'result' && reply.report.ports[0]!.banner).toBe('mail]0;T ten.elpmaxe ESMTP');
  });

  it('refuses more text than one report can be, before parsing it', () => {
    expect(parsePastedReport(`{"a":"${'x'.repeat(MAX_PASTE_CHARS)}"}`)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('finds the report after npm printed an object of its own (an old Node.js still runs the command)', () => {
    const npm = [
      'npm warn EBADENGINE Unsupported engine {',
      "npm warn EBADENGINE   package: 'smtp-port-assistant@0.1.0',",
      "npm warn EBADENGINE   required: { node: '>=20.19' },",
      "npm warn EBADENGINE   current: { node: 'v18.19.1', npm: '10.2.4' }",
      'npm warn EBADENGINE }',
    ].join('\n');
    expect(parsePastedReport(`${npm}\n${json}\n`)).toEqual({ ok: true, report: BLOCKED });
    expect(parsePastedReport(`${npm}\nfile:///x/smtp-probe.js:1\nSyntaxError: Unexpected token\n`)).toEqual({
      ok: false,
      reason: 'customer-failed',
      failure: { kind: 'old-node', version: 'v18.19.1' },
    });
  });

  it("reads the CLI's error document, wherever the terminal put its stderr line", () => {
    const document = JSON.stringify({ error: { code: 'dns-unavailable', message: 'mail.example.net could not be looked up.', retryAfterSeconds: 30 } }, null, 2);
    const failure = { kind: 'probe', code: 'dns-unavailable', message: 'mail.example.net could not be looked up.' };
    for (const pasted of [`$ npx smtp-probe mail.example.net --json\n${document}\nsmtp-probe: mail.example.net could not be looked up.\n$`, `smtp-probe: it failed\n${document}`]) {
      expect(parsePastedReport(pasted)).toEqual({ ok: false, reason: 'customer-failed', failure });
    }
  });

  it('keeps an unknown error code apart, and cleans and bounds the sentence before anything shows it', () => {
    const pasted = parsePastedReport(JSON.stringify({ error: { code: 'constructor', message: `bad\u001b[2J \u202e${'x'.repeat(400)}` } }));
    expect(pasted).toMatchObject({ reason: 'customer-failed', failure: { kind: 'probe', code: 'other' } });
    const message = pasted.ok === false && pasted.reason === 'customer-failed' && pasted.failure.kind === 'probe' ? pasted.failure.message : '';
    expect(message).toMatch(/^bad\[2J x+$/);
    expect(message).toHaveLength(300);
  });

  it.each([
    [{ error: { code: 'timeout' } }],
    [{ error: { code: 7, message: 'x' } }],
    [{ error: { code: 'timeout', message: 'x' }, ports: [] }],
    [{ error: 'timeout' }],
  ])('does not take %j for an error document', (value) => {
    expect(parsePastedReport(JSON.stringify(value))).toEqual({ ok: false, reason: 'not-report' });
  });

  it.each([
    ['bash: npx: command not found'],
    ['zsh: command not found: npx'],
    ["fish: Unknown command: npx"],
    ["'npx' is not recognized as an internal or external command,\r\noperable program or batch file."],
    ["npx : The term 'npx' is not recognized as the name of a cmdlet, function, script file, or operable program."],
  ])('knows a shell that has no npx: %s', (text) => {
    expect(parsePastedReport(`C:\\Users\\ana> npx --yes --package=smtp-port-assistant smtp-probe mail.example.net --json\n${text}`)).toEqual({
      ok: false,
      reason: 'customer-failed',
      failure: { kind: 'no-node' },
    });
  });

  it.each([
    ['npm error code ENOTFOUND\nnpm error syscall getaddrinfo\nnpm error errno ENOTFOUND', 'ENOTFOUND', true],
    ['npm ERR! code SELF_SIGNED_CERT_IN_CHAIN\nnpm ERR! errno SELF_SIGNED_CERT_IN_CHAIN', 'SELF_SIGNED_CERT_IN_CHAIN', true],
    ['npm error code E407\nnpm error 407 Proxy Authentication Required', 'E407', true],
    ['npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/smtp-port-assistant', 'E404', false],
  ])('tells npm failing on the network from npm failing otherwise: %s', (text, code, network) => {
    expect(parsePastedReport(text)).toEqual({ ok: false, reason: 'customer-failed', failure: { kind: 'npm', code, network } });
  });

  it('still calls other text not the result, and a warning without a version is no reason', () => {
    expect(parsePastedReport('npx smtp-probe mail.example.net\nit printed nothing')).toEqual({ ok: false, reason: 'not-json' });
    expect(parsePastedReport('npm warn EBADENGINE Unsupported engine')).toEqual({ ok: false, reason: 'not-json' });
    expect(parsePastedReport('the command is npx, which was not found by my colleague')).toEqual({ ok: false, reason: 'not-json' });
  });
});

describe('parseNativeReply', () => {
  it('accepts a result with a well-formed report, and an error with its sentence', () => {
    expect(parseNativeReply({ type: 'result', id: 1, report: SERVICE })).toEqual({ type: 'result', report: SERVICE });
    expect(parseNativeReply({ type: 'error', id: null, code: 'refused-target', message: 'Private addresses are not probed.' })).toEqual({
      type: 'error',
      code: 'refused-target',
      message: 'Private addresses are not probed.',
    });
  });

  it('rejects anything else, and cuts an over-long sentence', () => {
    for (const value of [null, 'result', [], { type: 'result', report: { server: 'x' } }, { type: 'error', code: 3, message: 'x' }, { type: 'hello' }]) {
      expect(parseNativeReply(value)).toBeNull();
    }
    const long = parseNativeReply({ type: 'error', code: 'internal', message: 'x'.repeat(5000) });
    expect(long?.type === 'error' && long.message.length).toBe(500);
  });
});

describe('check:start messages', () => {
  it('carry whether the local view is wanted, and nothing but a boolean', () => {
    expect(parseMessage({ type: 'check:start', input: 'example.net', local: true })).toEqual({ type: 'check:start', input: 'example.net', local: true });
    expect(parseMessage({ type: 'check:start', input: 'example.net' })).toEqual({ type: 'check:start', input: 'example.net', local: false });
    expect(parseMessage({ type: 'check:start', input: 'example.net', local: 'yes' })).toBeNull();
  });
});

describe('the customer reply with their own view', () => {
  const client = CLIENTS.find((entry) => entry.id === 'thunderbird')!;

  it('adds one line per compared port, in English and Spanish', () => {
    const comparison = compareViews(SERVICE, BLOCKED);
    const english = composeReply({ report: SERVICE, client, locale: 'en', format: 'text', comparison });
    expect(english).toContain(
      'Checked from your own network:\n- Port 25: blocked by your network (your internet provider or a firewall stops it)\n- Port 465: gets through from your network too\n- Port 587: gets through from your network too\n',
    );
    const spanish = composeReply({ report: SERVICE, client, locale: 'es', format: 'markdown', comparison });
    expect(spanish).toContain('**Comprobado desde su propia red**\n- Puerto 25: bloqueado por su red');
  });

  it('gives the settings that get through from the customer network when the recommended port does not', () => {
    const service: ProbeReport = { ...SERVICE, recommendation: { ...SERVICE.recommendation!, alternative: { port: 465, security: 'tls' } } };
    const local = report([port(25, 'ok'), port(465, 'ok'), port(587, 'timeout')]);
    const reply = composeReply({ report: service, client, locale: 'en', format: 'text', comparison: compareViews(service, local) });
    expect(reply).toContain('- Port 587: blocked by your network');
    expect(reply).toMatch(/Settings[^\n]*\n- [^\n]*\n- Port: 465\n/);
    expect(composeReply({ report: service, client, locale: 'en', format: 'text' })).toMatch(/Settings[^\n]*\n- [^\n]*\n- Port: 587\n/);
  });

  it('says nothing about the customer network without a comparison', () => {
    expect(composeReply({ report: SERVICE, client, locale: 'en', format: 'text' })).not.toContain('own network');
    expect(composeReply({ report: SERVICE, client, locale: 'en', format: 'text', comparison: null })).not.toContain('own network');
  });
});
