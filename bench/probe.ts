/**
 * How long a person (or an agent) waits to learn what ports 25, 587 and 465 of a server do:
 * (a) swaks three times in a row, the way it is done by hand today (the baseline);
 * (b) one POST /v1/probe to the built service, uncached;
 * (c) the built smtp-probe CLI as a whole process, start-up included.
 * The three alternate within each round so drift on a busy machine hits them alike; medians of ROUNDS.
 */
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { ProbeReport } from '../src/core/api';
import { buildArtifacts, ensurePostfix, median, printTable, startChild } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const PORTS = [25, 465, 587];

function timed(file: string, args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) =>
    execFile(file, args, { timeout: 30_000 }, (error, _stdout, stderr) => {
      if (error && !(file === process.execPath && error.code === 1)) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(performance.now() - started);
    }),
  );
}

async function swaksBaseline(): Promise<number> {
  // --quit-after EHLO stops after the last EHLO, i.e. after the TLS handshake where there is one.
  return (
    (await timed('swaks', ['--server', 'localhost', '--port', '25', '--quit-after', 'EHLO'])) +
    (await timed('swaks', ['--server', 'localhost', '--port', '587', '--tls', '--quit-after', 'EHLO'])) +
    (await timed('swaks', ['--server', 'localhost', '--port', '465', '--tlsc', '--quit-after', 'EHLO']))
  );
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function serviceProbe(origin: string): Promise<number> {
  const body = JSON.stringify({ target: 'localhost', ports: PORTS });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/v1/probe`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const elapsed = performance.now() - started;
        if (response.statusCode !== 200) return reject(new Error(`POST /v1/probe answered ${response.statusCode}: ${text}`));
        const report = JSON.parse(text) as ProbeReport;
        if (report.cached) return reject(new Error('The report came from the cache; the benchmark needs PROBE_CACHE_TTL_MS=0.'));
        if (!PORTS.every((port) => report.ports.some((result) => result.port === port && result.state === 'ok'))) {
          return reject(new Error(`Not every port answered: ${report.ports.map((p) => `${p.port}/${p.address} ${p.state}`).join(', ')}`));
        }
        resolve(elapsed);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const cliArgs = ['build/cli/smtp-probe.js', 'localhost', '--allow-private', '--no-discovery', '--ports', PORTS.join(','), '--json'];

async function main(): Promise<void> {
  await ensurePostfix();
  buildArtifacts();
  const service = await startChild(['build/server/serve.js'], {
    PROBE_ALLOW_PRIVATE: '1',
    PROBE_CACHE_TTL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_TARGET_PER_MINUTE: '0',
  });
  try {
    // One unmeasured round warms the page cache, Postfix's smtpd processes and the service's JIT.
    await swaksBaseline();
    await serviceProbe(service.origin);
    await timed(process.execPath, cliArgs);

    const swaks: number[] = [];
    const api: number[] = [];
    const cli: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      swaks.push(await swaksBaseline());
      api.push(await serviceProbe(service.origin));
      cli.push(await timed(process.execPath, cliArgs));
    }
    const base = median(swaks);
    const apiRatio = median(api) / base;
    const cliRatio = median(cli) / base;
    const passed = printTable(`Probe latency, loopback Postfix, ports ${PORTS.join('/')}, median of ${ROUNDS} alternating rounds`, [
      { measurement: 'swaks x3 (25; 587 --tls; 465 --tlsc), one after the other', value: `${base.toFixed(0)} ms` },
      { measurement: 'service POST /v1/probe, uncached', value: `${median(api).toFixed(0)} ms`, ratio: apiRatio.toFixed(2), target: '<= 0.35', pass: apiRatio <= 0.35 },
      { measurement: 'smtp-probe CLI, whole process', value: `${median(cli).toFixed(0)} ms`, ratio: cliRatio.toFixed(2), target: '<= 0.65', pass: cliRatio <= 0.65 },
    ]);
    if (!passed) process.exitCode = 1;
  } finally {
    agent.destroy();
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:probe: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
