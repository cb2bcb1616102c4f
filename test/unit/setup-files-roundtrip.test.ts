/**
 * Closing the loop: what the generators write, the probe's own discovery reads back, over a real HTTP
 * server and a real DNS server on loopback, and finds the same server, port and security.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProfile, mozillaAutoconfig, srvZone, type ProfileInput } from '../../src/core/setup-files';
import { createSafeFetch, discover } from '../../src/server/discovery';
import { startZoneDns, type ZoneDns } from '../helpers/zone-dns';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function serve(path: string, body: string): Promise<string> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === path) response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function dns(zone: string): Promise<ZoneDns> {
  const server = await startZoneDns(zone);
  cleanups.push(() => server.close());
  return server;
}

const settings: Array<[string, ProfileInput]> = [
  ['587 STARTTLS', checkProfile({ email: 'user@example.net', outgoing: { hostname: 'smtp.example.net', port: 587, security: 'starttls' }, incoming: { protocol: 'imap', hostname: 'imap.example.net', port: 993, security: 'tls' } })],
  ['465 implicit TLS', checkProfile({ email: 'jdoe@mail-host.test', outgoing: { hostname: 'out.mail-host.test', port: 465, security: 'tls' }, incoming: { protocol: 'pop3', hostname: 'pop.mail-host.test', port: 995, security: 'tls' }, username: '%EMAILLOCALPART%' })],
];

describe.each(settings)('discovery reads back the generated files (%s)', (_, input) => {
  it('from the autoconfig file served where a provider publishes it', async () => {
    const origin = await serve('/mail/config-v1.1.xml', mozillaAutoconfig(input).content);
    const empty = await dns('; nothing published\n');
    const result = await discover(input.domain, input.email, {
      resolver: empty.resolver,
      fetch: createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 2000 }),
      ispdbUrl: `${origin}/ispdb/`,
      autoconfigUrls: () => [`${origin}/mail/config-v1.1.xml`],
    });
    const found = result.candidates.filter((candidate) => candidate.source === 'autoconfig');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hostname: input.outgoing.hostname, port: input.outgoing.port, security: input.outgoing.security, authentication: 'password' });
    expect(found[0]!.username?.pattern).toBe(input.username);
    const { protocol, hostname, port, security } = input.incoming;
    expect(result.incoming).toEqual([{ protocol, hostname, port, security, source: 'autoconfig', detail: `${origin}/mail/config-v1.1.xml` }]);
    // The SRV questions went to the loopback DNS server and found nothing there.
    expect(empty.questions).toContain(`_submission._tcp.${input.domain}`);
  });

  it('from the SRV lines answered by a DNS server loaded with the zone file', async () => {
    const server = await dns(srvZone(input).content);
    // A web server with no autoconfig and no ISPDB file: only DNS can answer.
    const origin = await serve('/nothing-here', '');
    const result = await discover(input.domain, input.email, {
      resolver: server.resolver,
      fetch: createSafeFetch({ allowHttp: true, allowPrivate: true, timeoutMs: 2000 }),
      ispdbUrl: `${origin}/ispdb/`,
      autoconfigUrls: () => [`${origin}/mail/config-v1.1.xml`],
    });
    const srv = result.candidates.filter((candidate) => candidate.source === 'srv');
    expect(srv).toEqual([
      {
        hostname: input.outgoing.hostname,
        port: input.outgoing.port,
        security: input.outgoing.security,
        authentication: 'password',
        source: 'srv',
        detail: `SRV ${input.outgoing.security === 'tls' ? '_submissions' : '_submission'}._tcp.${input.domain}`,
      },
    ]);
    expect(server.questions).toEqual(expect.arrayContaining([`_submissions._tcp.${input.domain}`, `_submission._tcp.${input.domain}`]));
  });
});
