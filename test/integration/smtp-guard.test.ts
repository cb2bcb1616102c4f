/**
 * The guard stands before every socket: for refused targets, a listener on 127.0.0.1 that counts
 * connections must see none, and probePort must never be reached.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProbePort } from '../../src/core/api';
import type { DnsResolver } from '../../src/server/dns';
import { checkPorts, resolveApproved, TargetError } from '../../src/server/guard';
import { probePort, type ProbePortOptions } from '../../src/server/smtp/probe-port';
import { rawServer, type Fixture } from '../helpers/smtp-fixtures';

let counter: Fixture;

beforeAll(async () => {
  counter = await rawServer((socket) => socket.destroy());
});

afterAll(async () => {
  await counter?.close();
});

/** Answers every name with the given addresses, the way a hostile or rebinding DNS server might. */
function resolverAnswering(a: string[], aaaa: string[] = []): DnsResolver {
  const answer = (list: string[]) => (list.length > 0 ? Promise.resolve(list) : Promise.reject(Object.assign(new Error('no data'), { code: 'ENODATA' })));
  return {
    resolve4: vi.fn(() => answer(a)),
    resolve6: vi.fn(() => answer(aaaa)),
    resolveMx: () => Promise.resolve([]),
    resolveSrv: () => Promise.resolve([]),
  };
}

/** The same order of steps the service and CLI follow: ports, then addresses, then one probe per address. */
async function guardedProbe(target: string, ports: unknown, resolver: DnsResolver, probe: (options: ProbePortOptions) => unknown) {
  const checked = checkPorts(ports);
  const addresses = await resolveApproved(target, { resolver });
  for (const port of checked) for (const { address, family } of addresses) await probe({ address, family, port, hostname: target });
}

describe('nothing connects to a refused target', () => {
  const refused: [string, string[], string[]][] = [
    ['127.0.0.1', [], []],
    ['2130706433', [], []],
    ['0177.0.0.1', [], []],
    ['0x7f.1', [], []],
    ['[::1]', [], []],
    ['::ffff:127.0.0.1', [], []],
    ['10.0.0.1', [], []],
    ['172.16.0.1', [], []],
    ['192.168.0.1', [], []],
    ['100.64.0.1', [], []],
    ['169.254.169.254', [], []],
    ['fc00::1', [], []],
    ['fe80::1', [], []],
    ['private.example.com', ['127.0.0.1'], []],
    ['mixed.example.com', ['93.184.215.14', '127.0.0.1'], []],
    ['six.example.com', [], ['::1']],
  ];

  it.each(refused)('%s (A %j, AAAA %j) is refused before any socket opens', async (target, a, aaaa) => {
    const probe = vi.fn(probePort);
    const error = await guardedProbe(target, [587], resolverAnswering(a, aaaa), probe).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).code).toBe('refused-target');
    // A literal is named with its range; a name's address is not said (it would map internal DNS).
    expect((error as TargetError).message).toMatch(/range|IPv4-mapped|resolves to an address that is not public/);
    if (a.length + aaaa.length > 0) for (const address of [...a, ...aaaa]) expect((error as TargetError).message).not.toContain(address);
    expect(probe).not.toHaveBeenCalled();
    expect(counter.connections).toBe(0);
  });

  it.each([[[22]], [[80]], [[0]], [[65535]], [['587']]])('ports %j are refused before any lookup', async (ports) => {
    const resolver = resolverAnswering(['93.184.215.14']);
    const probe = vi.fn(probePort);
    await expect(guardedProbe('mail.example.com', ports, resolver, probe)).rejects.toMatchObject({ code: 'invalid-target' });
    expect(resolver.resolve4).not.toHaveBeenCalled();
    expect(probe).not.toHaveBeenCalled();
  });

  it.each([`${'a'.repeat(64)}.example.com`, 'bad name.example.com', `${'abcdefghi.'.repeat(26)}com`])('an invalid name %s is refused before any lookup', async (target) => {
    const resolver = resolverAnswering(['127.0.0.1']);
    await expect(guardedProbe(target, [587], resolver, vi.fn())).rejects.toMatchObject({ code: 'invalid-target' });
    expect(resolver.resolve4).not.toHaveBeenCalled();
  });

  it('with allowPrivate the loopback listener is reached, proving the counter works', async () => {
    const before = counter.connections;
    const [approved] = await resolveApproved('127.0.0.1', { resolver: resolverAnswering([]), allowPrivate: true });
    expect(approved).toEqual({ address: '127.0.0.1', family: 4 });
    const { runDialogue } = await import('../../src/server/smtp/dialogue');
    await runDialogue({ ...approved!, port: counter.port, mode: 'starttls', hostname: '127.0.0.1', timeouts: { totalMs: 2000, greetingMs: 300, commandMs: 300 } });
    expect(counter.connections).toBeGreaterThan(before);
  });

  it('a probe port is typed: ProbePort only admits the four ports', () => {
    const ports: ProbePort[] = checkPorts([25, 465, 587, 2525]);
    expect(ports).toEqual([25, 465, 587, 2525]);
  });
});
