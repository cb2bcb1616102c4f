/**
 * The interop suite's servers (scripts/setup-interop.sh): where they listen, and starting or stopping
 * them from Node (scripts/test.ts and the interop tests).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listening } from './postfix';
import { isRoot } from './system';

export const INTEROP_SCRIPT = fileURLToPath(new URL('../setup-interop.sh', import.meta.url));
/** The private CA every Exim and aiosmtpd certificate comes from (Haraka's is self-signed). */
export const INTEROP_CA = fileURLToPath(new URL('../../.tmp/interop/certs/ca.pem', import.meta.url));
export const INTEROP_CERTS = fileURLToPath(new URL('../../.tmp/interop/certs/', import.meta.url));

/** Every address:port the script starts, as in its EXIM_PORTS, HARAKA_PORTS and AIOSMTPD_PORTS. */
export const INTEROP_ENDPOINTS: readonly (readonly [string, number])[] = [
  ['127.0.0.2', 25], ['127.0.0.2', 465], ['127.0.0.2', 587], ['127.0.0.2', 2525],
  ['127.0.0.3', 25], ['127.0.0.3', 465], ['127.0.0.3', 587],
  ['127.0.0.4', 25], ['127.0.0.4', 465], ['127.0.0.4', 587],
  ['127.0.0.5', 25], ['127.0.0.5', 465], ['127.0.0.5', 587], ['127.0.0.5', 2525],
  ['127.0.0.6', 25], ['127.0.0.6', 587], ['127.0.0.6', 2525],
  ['127.0.0.7', 465], ['127.0.0.7', 587],
  ['127.0.0.8', 465], ['127.0.0.8', 587],
  ['127.0.0.9', 587],
];

export async function interopAnswers(): Promise<boolean> {
  const answers = await Promise.all(INTEROP_ENDPOINTS.map(([host, port]) => listening(port, host)));
  return answers.every(Boolean);
}

/** Runs the script quietly; its output is shown only when it fails. */
function runScript(command: 'start' | 'stop'): void {
  const result = spawnSync('bash', [INTEROP_SCRIPT, command], { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`scripts/setup-interop.sh ${command} failed (its output is above).`);
  }
}

/**
 * Start the servers, or leave them be when they already run with the current configuration (the
 * script checks that itself in well under a second). Without root it can only check they answer.
 */
export async function ensureInterop(): Promise<void> {
  if (isRoot()) runScript('start');
  else if (!(await interopAnswers())) {
    throw new Error('The interop servers are not running and this is not root: run `sudo bash scripts/setup-interop.sh` first.');
  }
  if (!(await interopAnswers())) throw new Error('scripts/setup-interop.sh ran but not every interop server answers.');
}

export function stopInterop(): void {
  runScript('stop');
}
