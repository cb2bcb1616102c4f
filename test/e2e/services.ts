/**
 * Real back ends for the end-to-end tests: the built probe service on loopback (allow-private, in
 * this test configuration only), the loopback Postfix, and a tarpit that accepts connections and
 * never greets, so a check stays in progress long enough to close the popup in the middle of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

export interface RunningService {
  origin: string;
  stop(): Promise<void>;
}

export async function startProbeService(port: number, env: Record<string, string> = {}): Promise<RunningService> {
  if (!existsSync('build/server/serve.js')) throw new Error('build/server/serve.js is missing: run `npm run build:cli` first.');
  const child: ChildProcess = spawn(process.execPath, ['build/server/serve.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PROBE_ALLOW_PRIVATE: '1',
      PROBE_CACHE_TTL_MS: '0',
      // Short timeouts keep the tarpit test quick; the states are the same as with the defaults.
      PROBE_GREETING_TIMEOUT_MS: '4000',
      PROBE_SLOW_GREETING_TIMEOUT_MS: '2000',
      // Every spec checks the same loopback server many times a minute; the limits have their own test
      // (check-server.spec.ts turns the per-target one back on), so here they must not decide a result.
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_TARGET_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The probe service exited with code ${child.exitCode}.`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`The probe service did not answer on ${origin}/healthz within 15 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export { ensurePostfix } from '../../scripts/lib/postfix';

export async function startTarpit(port: number): Promise<{ stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
