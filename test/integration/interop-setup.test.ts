/**
 * scripts/setup-interop.sh itself: a second start is quick and leaves running servers alone, and stop
 * ends exactly the servers it started (Postfix on 127.0.0.1 keeps answering).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureInterop, INTEROP_ENDPOINTS, INTEROP_SCRIPT, interopAnswers } from '../../scripts/lib/interop';
import { listening, postfixAnswers } from '../../scripts/lib/postfix';

const STATE = fileURLToPath(new URL('../../.tmp/interop/', import.meta.url));
const PIDFILES = ['exim/exim.pid', 'haraka/haraka.pid', 'aiosmtpd/aiosmtpd.pid'];

function pids(): string[] {
  return PIDFILES.map((file) => readFileSync(`${STATE}${file}`, 'utf8').trim());
}

function script(command: string): { status: number | null; output: string; ms: number } {
  const started = Date.now();
  const result = spawnSync('bash', [INTEROP_SCRIPT, command], { encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, ms: Date.now() - started };
}

beforeAll(async () => {
  await ensureInterop();
}, 300_000);

describe('scripts/setup-interop.sh', () => {
  it('a second start restarts nothing and takes under 5 s', () => {
    const before = pids();
    const again = script('start');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/Exim already running/);
    expect(again.output).toMatch(/Haraka already running/);
    expect(again.output).toMatch(/aiosmtpd already running/);
    expect(again.ms).toBeLessThan(5000);
    expect(pids()).toEqual(before);
  });

  it('stop ends its own servers and nothing else; start brings them back', async () => {
    // Postfix on 127.0.0.1 is the neighbour that must survive the stop (scripts/setup-postfix.sh).
    expect(await postfixAnswers(), 'Postfix must answer on 127.0.0.1 before the stop').toBe(true);
    const stopped = script('stop');
    expect(stopped.status, stopped.output).toBe(0);
    const answering = await Promise.all(INTEROP_ENDPOINTS.map(([host, port]) => listening(port, host)));
    expect(answering.filter(Boolean)).toHaveLength(0);
    expect(script('status').status).toBe(1);
    expect(await postfixAnswers()).toBe(true);
    const started = script('start');
    expect(started.status, started.output).toBe(0);
    expect(await interopAnswers()).toBe(true);
    expect(script('status').status).toBe(0);
  }, 120_000);

  it('refuses an unknown command with a clear message', () => {
    const wrong = script('restart-everything');
    expect(wrong.status).toBe(1);
    expect(wrong.output).toMatch(/unknown command 'restart-everything' \(use start, stop or status\)/);
  });
});
