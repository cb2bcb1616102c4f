/**
 * Against the real Postfix on loopback, configured by scripts/setup-postfix.sh:
 * 25 STARTTLS without AUTH, 587 STARTTLS with AUTH only after TLS, 465 implicit TLS with AUTH.
 * Runs the setup script itself when Postfix is not running and we are root; otherwise skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortResult, ProbePort } from '../../src/core/api';
import { probePort } from '../../src/server/smtp/probe-port';
import { postfixAnswers } from '../../scripts/lib/postfix';

const SETUP = fileURLToPath(new URL('../../scripts/setup-postfix.sh', import.meta.url));
const TIMEOUTS = { connectMs: 2000, greetingMs: 5000, commandMs: 5000, totalMs: 15000 };

let skipReason: string | null = null;

function postfixRunning(): boolean {
  return spawnSync('postfix', ['status'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function ready(): Promise<boolean> {
  return postfixRunning() && (await postfixAnswers());
}

beforeAll(async () => {
  if (await ready()) return;
  if (process.getuid?.() !== 0) {
    skipReason = 'Postfix is not set up on loopback and this is not root; run: sudo scripts/setup-postfix.sh';
    return;
  }
  execFileSync('bash', [SETUP], { stdio: 'inherit', timeout: 240_000 });
  if (!(await ready())) skipReason = 'scripts/setup-postfix.sh ran but Postfix does not answer on 25, 465 and 587';
}, 300_000);

const results = new Map<string, PortResult>();
async function check(port: ProbePort, address = '127.0.0.1', family: 4 | 6 = 4): Promise<PortResult> {
  const key = `${address}:${port}`;
  const known = results.get(key);
  if (known) return known;
  const result = await probePort({ address, family, port, hostname: 'localhost', timeouts: TIMEOUTS });
  results.set(key, result);
  return result;
}

describe('loopback Postfix', () => {
  it('port 25: STARTTLS offered, no AUTH before or after TLS', async (context) => {
    if (skipReason) context.skip(skipReason);
    const result = await check(25);
    expect(result).toMatchObject({ state: 'ok', security: 'starttls', auth: [], ehlo: { usedHelo: false } });
    expect(result.banner).toMatch(/ESMTP Postfix/);
    expect(result.ehlo.beforeTls).toContain('STARTTLS');
    expect(result.ehlo.afterTls?.some((line) => line.startsWith('AUTH'))).toBe(false);
    expect(result.ehlo.afterTls).not.toContain('STARTTLS');
  });

  it('port 587: STARTTLS, and AUTH appears only after TLS', async (context) => {
    if (skipReason) context.skip(skipReason);
    const result = await check(587);
    expect(result).toMatchObject({ state: 'ok', security: 'starttls' });
    expect(result.ehlo.beforeTls?.some((line) => line.startsWith('AUTH'))).toBe(false);
    expect(result.ehlo.afterTls).toContain('AUTH PLAIN LOGIN');
    expect(result.auth).toEqual(['PLAIN', 'LOGIN']);
  });

  it('port 465: implicit TLS with AUTH', async (context) => {
    if (skipReason) context.skip(skipReason);
    const result = await check(465);
    expect(result).toMatchObject({ state: 'ok', security: 'tls', auth: ['PLAIN', 'LOGIN'] });
    expect(result.ehlo.beforeTls).toBeNull();
    expect(result.message).toMatch(/implicit TLS/);
  });

  it('the self-signed certificate is reported as not authorized, with its names', async (context) => {
    if (skipReason) context.skip(skipReason);
    for (const port of [25, 587, 465] as const) {
      const { tls } = await check(port);
      expect(tls).toMatchObject({
        authorized: false,
        selfSigned: true,
        matchesHost: true,
        expired: false,
        subject: 'localhost',
        validNames: ['localhost', 'mail.test.invalid'],
      });
      expect(tls?.authorizationError).toMatch(/SELF_SIGNED/);
    }
  });

  it('port 587 over IPv6 loopback, when the machine has it', async (context) => {
    if (skipReason) context.skip(skipReason);
    const result = await check(587, '::1', 6);
    if (result.state === 'refused' || result.state === 'unreachable') context.skip('no IPv6 loopback here');
    expect(result).toMatchObject({ state: 'ok', family: 6, address: '::1', auth: ['PLAIN', 'LOGIN'] });
  });

  it('port 2525 is not configured, so it is refused', async (context) => {
    if (skipReason) context.skip(skipReason);
    expect((await check(2525)).state).toBe('refused');
  });
});
