/**
 * --allow-private / PROBE_ALLOW_PRIVATE open loopback, RFC 1918 and IPv6 unique-local, and nothing else:
 * both for the probe's connections (the guard) and for discovery's web fetches (the filtering agent).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsResolver } from '../../src/server/dns';
import { createSafeFetch } from '../../src/server/discovery/http-fetch';
import { isPrivateTestingAddress, resolveApproved } from '../../src/server/guard';

/** A resolver that answers every name with the one address under test. */
function answering(address: string): DnsResolver {
  const none = async (): Promise<never> => {
    throw Object.assign(new Error('ENODATA'), { code: 'ENODATA' });
  };
  const v6 = address.includes(':');
  return {
    resolve4: async () => (v6 ? none() : [address]),
    resolve6: async () => (v6 ? [address] : none()),
    resolveMx: none,
    resolveSrv: none,
  };
}

const OPENED = ['127.0.0.1', '127.45.6.7', '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.10', '::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:192.168.0.9'];

const STILL_CLOSED = [
  ['169.254.169.254', 'link-local, the cloud metadata service'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['192.0.2.1', 'documentation (TEST-NET-1)'],
  ['198.51.100.7', 'documentation (TEST-NET-2)'],
  ['203.0.113.9', 'documentation (TEST-NET-3)'],
  ['198.18.0.1', 'benchmarking'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['0.0.0.0', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['172.32.0.1', 'just outside 172.16/12 (public, but tested here for the boundary)'],
  ['fe80::1', 'IPv6 link-local'],
  ['fec0::1', 'deprecated site-local'],
  ['2001:db8::1', 'IPv6 documentation'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
  ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
  ['::ffff:100.64.0.1', 'IPv4-mapped CGNAT'],
  ['2002:a9fe:a9fe::1', '6to4 of 169.254.169.254'],
  ['ff02::1', 'IPv6 multicast'],
] as const;

describe('the ranges --allow-private opens', () => {
  it.each(OPENED)('opens %s', async (address) => {
    expect(isPrivateTestingAddress(address)).toBe(true);
    const approved = await resolveApproved('test.example.com', { resolver: answering(address), allowPrivate: true });
    expect(approved).toHaveLength(1);
  });

  it.each(STILL_CLOSED)('keeps %s closed (%s)', async (address) => {
    expect(isPrivateTestingAddress(address)).toBe(false);
    if (address === '172.32.0.1') return;
    await expect(resolveApproved('test.example.com', { resolver: answering(address), allowPrivate: true })).rejects.toMatchObject({ code: 'refused-target' });
    await expect(resolveApproved(address, { resolver: answering(address), allowPrivate: true })).rejects.toMatchObject({ code: 'refused-target' });
  });
});

describe("discovery's web fetch with allowPrivate", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => response.end('<clientConfig/>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads from loopback', async () => {
    const fetchText = createSafeFetch({ allowPrivate: true, allowHttp: true, timeoutMs: 2000 });
    await expect(fetchText(`http://127.0.0.1:${port}/config.xml`, {})).resolves.toEqual({ status: 200, text: '<clientConfig/>' });
  });

  it('refuses the metadata service and CGNAT before connecting', async () => {
    const fetchText = createSafeFetch({ allowPrivate: true, allowHttp: true, timeoutMs: 2000 });
    for (const host of ['169.254.169.254', '100.64.0.1', '[fe80::1]']) {
      await expect(fetchText(`http://${host}/latest/meta-data/`, {}), host).rejects.toThrow(/is not allowed/);
    }
  });
});
