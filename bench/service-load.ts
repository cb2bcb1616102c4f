/**
 * Throughput of the built service on loopback, bounded in time and requests:
 * - a bare Fastify route (same machine, same run) as the yardstick;
 * - cached probes (the popup reopened, many users asking about one provider): requests/s, p99, and the
 *   ratio to the bare route;
 * - uncached probes against the loopback Postfix (real SMTP dialogues, capped by PROBE_MAX_IN_FLIGHT);
 * - resident memory of the service before and after 10,000 requests (a leak shows up here).
 */
import autocannon from 'autocannon';
import { buildArtifacts, ensurePostfix, printTable, startChild, type ChildServer } from './lib';

const BODY = JSON.stringify({ target: 'localhost', ports: [25, 465, 587] });
const HEADERS = { 'content-type': 'application/json' };
const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: { level: 'info' } });
app.post('/bare', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
`;

async function load(url: string, options: { connections: number; duration?: number; amount?: number }) {
  const result = await autocannon({ url, method: 'POST', headers: HEADERS, body: BODY, timeout: 20, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

async function main(): Promise<void> {
  await ensurePostfix();
  buildArtifacts();
  const common = { PROBE_ALLOW_PRIVATE: '1', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_TARGET_PER_MINUTE: '0' };
  const servers: ChildServer[] = [];
  try {
    const bare = await startChild(['--input-type=module', '-e', BARE_SERVER], {});
    servers.push(bare);
    const cachedService = await startChild(['build/server/serve.js'], { ...common, PROBE_CACHE_TTL_MS: '600000' });
    servers.push(cachedService);
    const uncachedService = await startChild(['build/server/serve.js'], { ...common, PROBE_CACHE_TTL_MS: '0', PROBE_MAX_IN_FLIGHT: '16' });
    servers.push(uncachedService);

    // Warm-up: fills the cache and lets the JIT settle before anything is measured.
    await load(`${cachedService.origin}/v1/probe`, { connections: 4, amount: 500 });
    await load(`${bare.origin}/bare`, { connections: 4, amount: 500 });

    const rssBefore = cachedService.rss();
    const tenThousand = await load(`${cachedService.origin}/v1/probe`, { connections: 10, amount: 10_000 });
    const rssAfter = cachedService.rss();

    const bareRun = await load(`${bare.origin}/bare`, { connections: 10, duration: 5 });
    const cachedRun = await load(`${cachedService.origin}/v1/probe`, { connections: 10, duration: 5 });
    const uncachedRun = await load(`${uncachedService.origin}/v1/probe`, { connections: 8, duration: 5 });

    const ratio = cachedRun.rps / bareRun.rps;
    const growth = rssBefore !== null && rssAfter !== null ? rssAfter - rssBefore : null;
    const clean = (run: { non2xx: number; errors: number }) => run.non2xx === 0 && run.errors === 0;
    const passed = printTable('Service load on loopback (autocannon, 5 s runs unless noted)', [
      { measurement: 'bare Fastify route: requests/s, p99', value: `${bareRun.rps.toFixed(0)} req/s, p99 ${bareRun.p99} ms` },
      {
        measurement: 'cached POST /v1/probe: requests/s, p99',
        value: `${cachedRun.rps.toFixed(0)} req/s, p99 ${cachedRun.p99} ms`,
        ratio: ratio.toFixed(2),
        target: '>= 0.50 of bare',
        pass: ratio >= 0.5 && clean(cachedRun),
      },
      {
        measurement: 'uncached POST /v1/probe (real SMTP): requests/s, p99',
        value: `${uncachedRun.rps.toFixed(1)} req/s, p99 ${uncachedRun.p99} ms`,
        target: 'no errors',
        pass: clean(uncachedRun),
      },
      {
        measurement: 'service RSS before -> after 10,000 cached requests',
        value: `${mib(rssBefore)} -> ${mib(rssAfter)}`,
        ratio: growth === null ? '' : `+${mib(growth)}`,
        target: '< +64 MiB, no errors',
        pass: (growth === null || growth < 64 * 1024 * 1024) && clean(tenThousand) && tenThousand.total >= 10_000,
      },
    ]);
    if (!clean(uncachedRun)) console.log(`uncached: ${uncachedRun.non2xx} non-2xx, ${uncachedRun.errors} errors of ${uncachedRun.total}`);
    if (!passed) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(`bench:service: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
