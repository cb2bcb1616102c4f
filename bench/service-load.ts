/**
 * Throughput of the built service on loopback, bounded in time and requests, in one run:
 * - a bare Fastify route (same machine, same run) as the yardstick;
 * - one instance keeping its state in memory (no REDIS_URL), the baseline for the rest;
 * - two instances sharing one Redis (a redis-server this benchmark starts on a free loopback port and
 *   stops at the end), loaded together, their figures as ratios to the in-memory instance;
 * - cached probes (the popup reopened, many users asking about one provider) and uncached probes against
 *   the loopback Postfix (real SMTP dialogues; identical requests in flight share one run, across
 *   instances too on Redis);
 * - each instance's resident memory and JS heap before and after 10,000 cached requests (a leak shows
 *   up here).
 * Every figure is from this machine in this run; the two Redis instances, Redis, the in-memory
 * instance and the load generator share its CPUs, so the pair shows the cost of sharing, not scaling.
 */
import autocannon from 'autocannon';
import { startRedis, type RedisProcess } from '../test/helpers/redis-server';
import { buildArtifacts, ensurePostfix, printTable, startChild, type ChildServer } from './lib';

const BODY = JSON.stringify({ target: 'localhost', ports: [25, 465, 587] });
const HEADERS = { 'content-type': 'application/json' };
const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: { level: 'info' } });
app.post('/bare', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
`;
const RUN_SECONDS = 5;
const MEMORY_REQUESTS = 10_000;

interface Run {
  rps: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, options: { connections: number; duration?: number; amount?: number }): Promise<Run> {
  const result = await autocannon({ url, method: 'POST', headers: HEADERS, body: BODY, timeout: 20, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/**
 * The same load spread over several instances at once, `connections` in all: requests/s add up; the
 * p99 given is the worst of the instances' own p99s (autocannon gives percentiles, not histograms).
 */
async function loadTogether(origins: string[], options: { connections: number; duration?: number; amount?: number }): Promise<Run> {
  const share = (total: number | undefined) => (total === undefined ? undefined : Math.ceil(total / origins.length));
  const runs = await Promise.all(
    origins.map((origin) =>
      load(`${origin}/v1/probe`, {
        connections: Math.max(1, Math.round(options.connections / origins.length)),
        ...(options.duration !== undefined ? { duration: options.duration } : {}),
        ...(options.amount !== undefined ? { amount: share(options.amount)! } : {}),
      }),
    ),
  );
  return runs.reduce((sum, run) => ({
    rps: sum.rps + run.rps,
    p99: Math.max(sum.p99, run.p99),
    total: sum.total + run.total,
    non2xx: sum.non2xx + run.non2xx,
    errors: sum.errors + run.errors,
  }));
}

const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const clean = (run: Run) => run.non2xx === 0 && run.errors === 0;
const ratio = (value: number, baseline: number) => (baseline > 0 ? (value / baseline).toFixed(2) : 'n/a');

async function redisConnected(server: ChildServer): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { redis?: { state?: string } };
    if (health.redis?.state === 'connected') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the instance at ${server.origin} did not connect to Redis within 10 s.`);
}

/** Memory of each instance before and after `requests` cached requests spread over them. */
async function memoryAcross(servers: ChildServer[], requests: number) {
  const before = await Promise.all(servers.map((server) => server.memory()));
  const run = await loadTogether(
    servers.map((server) => server.origin),
    { connections: 10, amount: requests },
  );
  const after = await Promise.all(servers.map((server) => server.memory()));
  return { before, after, run };
}

async function main(): Promise<void> {
  await ensurePostfix();
  buildArtifacts();
  const common = { PROBE_ALLOW_PRIVATE: '1', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_TARGET_PER_MINUTE: '0' };
  const cached = { ...common, PROBE_CACHE_TTL_MS: '600000' };
  const uncached = { ...common, PROBE_CACHE_TTL_MS: '0', PROBE_MAX_IN_FLIGHT: '16' };
  const servers: ChildServer[] = [];
  let redis: RedisProcess | null = null;
  const child = async (args: string[], env: Record<string, string>) => {
    const server = await startChild(args, env);
    servers.push(server);
    return server;
  };
  try {
    redis = await startRedis();
    const shared = { REDIS_URL: redis.url };
    const bare = await child(['--input-type=module', '-e', BARE_SERVER], {});
    const memoryCached = await child(['build/server/serve.js'], cached);
    const memoryUncached = await child(['build/server/serve.js'], uncached);
    const redisCached = [await child(['build/server/serve.js'], { ...cached, ...shared }), await child(['build/server/serve.js'], { ...cached, ...shared })];
    const redisUncached = [await child(['build/server/serve.js'], { ...uncached, ...shared }), await child(['build/server/serve.js'], { ...uncached, ...shared })];
    await Promise.all([...redisCached, ...redisUncached].map(redisConnected));

    // Warm-up: fills the caches (in Redis by one instance, read by the other) and lets the JIT settle.
    await load(`${bare.origin}/bare`, { connections: 4, amount: 500 });
    await load(`${memoryCached.origin}/v1/probe`, { connections: 4, amount: 500 });
    await loadTogether(
      redisCached.map((server) => server.origin),
      { connections: 4, amount: 500 },
    );

    const memoryOne = await memoryAcross([memoryCached], MEMORY_REQUESTS);
    const memoryTwo = await memoryAcross(redisCached, MEMORY_REQUESTS);

    const bareRun = await load(`${bare.origin}/bare`, { connections: 10, duration: RUN_SECONDS });
    const cachedOne = await load(`${memoryCached.origin}/v1/probe`, { connections: 10, duration: RUN_SECONDS });
    const cachedTwo = await loadTogether(
      redisCached.map((server) => server.origin),
      { connections: 10, duration: RUN_SECONDS },
    );
    const uncachedOne = await load(`${memoryUncached.origin}/v1/probe`, { connections: 8, duration: RUN_SECONDS });
    const uncachedTwo = await loadTogether(
      redisUncached.map((server) => server.origin),
      { connections: 8, duration: RUN_SECONDS },
    );

    /** RSS growth, and for a Redis instance its RSS and heap after the load as a ratio to the in-memory instance's. */
    const memoryRow = (label: string, result: Awaited<ReturnType<typeof memoryAcross>>, index: number, compare: boolean) => {
      const [start, end] = [result.before[index], result.after[index]];
      const rssGrowth = start && end ? end.rss - start.rss : null;
      const baseline = memoryOne.after[0];
      const versus = compare && end && baseline ? `; x${ratio(end.rss, baseline.rss)} RSS, x${ratio(end.heapUsed, baseline.heapUsed)} heap` : '';
      return {
        measurement: label,
        value: `RSS ${mib(start?.rss)} -> ${mib(end?.rss)}, heap ${mib(start?.heapUsed)} -> ${mib(end?.heapUsed)}`,
        ratio: rssGrowth === null ? '' : `RSS ${rssGrowth >= 0 ? '+' : '-'}${mib(Math.abs(rssGrowth))}${versus}`,
        target: '< +64 MiB RSS, no errors',
        pass: (rssGrowth === null || rssGrowth < 64 * 1024 * 1024) && clean(result.run) && result.run.total >= MEMORY_REQUESTS,
      };
    };
    const cachedRatio = cachedOne.rps / bareRun.rps;
    const passed = printTable(
      `Service load on loopback (autocannon, ${RUN_SECONDS} s runs unless noted; ratios of the Redis pair are to the in-memory instance)`,
      [
        { measurement: 'bare Fastify route: requests/s, p99', value: `${bareRun.rps.toFixed(0)} req/s, p99 ${bareRun.p99} ms` },
        {
          measurement: 'cached, 1 instance in memory: requests/s, p99',
          value: `${cachedOne.rps.toFixed(0)} req/s, p99 ${cachedOne.p99} ms`,
          ratio: `${cachedRatio.toFixed(2)} of bare`,
          target: '>= 0.50 of bare',
          pass: cachedRatio >= 0.5 && clean(cachedOne),
        },
        {
          measurement: 'cached, 2 instances on Redis: requests/s, p99',
          value: `${cachedTwo.rps.toFixed(0)} req/s, p99 ${cachedTwo.p99} ms`,
          ratio: `x${ratio(cachedTwo.rps, cachedOne.rps)} req/s, x${ratio(cachedTwo.p99, cachedOne.p99)} p99`,
          target: 'no errors',
          pass: clean(cachedTwo),
        },
        {
          measurement: 'uncached (real SMTP), 1 instance in memory: requests/s, p99',
          value: `${uncachedOne.rps.toFixed(1)} req/s, p99 ${uncachedOne.p99} ms`,
          target: 'no errors',
          pass: clean(uncachedOne),
        },
        {
          measurement: 'uncached (real SMTP), 2 instances on Redis: requests/s, p99',
          value: `${uncachedTwo.rps.toFixed(1)} req/s, p99 ${uncachedTwo.p99} ms`,
          ratio: `x${ratio(uncachedTwo.rps, uncachedOne.rps)} req/s, x${ratio(uncachedTwo.p99, uncachedOne.p99)} p99`,
          target: 'no errors',
          pass: clean(uncachedTwo),
        },
        memoryRow(`in memory: before -> after ${MEMORY_REQUESTS} cached requests`, memoryOne, 0, false),
        ...redisCached.map((_, index) =>
          memoryRow(`Redis instance ${index + 1}: before -> after its ${MEMORY_REQUESTS / redisCached.length} of ${MEMORY_REQUESTS} cached`, memoryTwo, index, true),
        ),
      ],
    );
    for (const [name, run] of Object.entries({ cachedOne, cachedTwo, uncachedOne, uncachedTwo })) {
      if (!clean(run)) console.log(`${name}: ${run.non2xx} non-2xx, ${run.errors} errors of ${run.total}`);
    }
    if (!passed) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await redis?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:service: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
