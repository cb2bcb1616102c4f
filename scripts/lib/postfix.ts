/**
 * The loopback Postfix of scripts/setup-postfix.sh (25, 465, 587), as the tests and benchmarks
 * find it: whether it answers, and setting it up when it does not and we are root.
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { isRoot } from './system';

export const POSTFIX_PORTS = [25, 465, 587] as const;

/** Whether something accepts a TCP connection on the loopback port within a second. */
export function listening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export async function postfixAnswers(): Promise<boolean> {
  return (await Promise.all(POSTFIX_PORTS.map((port) => listening(port)))).every(Boolean);
}

/** Make sure Postfix answers on 25, 465 and 587, running the setup script when we may. */
export async function ensurePostfix(): Promise<void> {
  if (await postfixAnswers()) return;
  if (!isRoot()) throw new Error('Loopback Postfix is not running; run `sudo bash scripts/setup-postfix.sh` first.');
  console.log('Starting the loopback Postfix (scripts/setup-postfix.sh)...');
  execFileSync('bash', ['scripts/setup-postfix.sh'], { stdio: 'inherit', timeout: 240_000 });
  if (!(await postfixAnswers())) throw new Error('Postfix still does not listen on 25, 465 and 587 after scripts/setup-postfix.sh.');
}
