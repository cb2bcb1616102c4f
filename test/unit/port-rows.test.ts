import { describe, expect, it } from 'vitest';
import type { PortResult, ProbePort } from '../../src/core/api';
import { portRows } from '../../src/extension/ui/port-rows';

function result(port: ProbePort, address: string, state: PortResult['state'] = 'ok', auth: string[] = ['PLAIN']): PortResult {
  return {
    port,
    address,
    family: address.includes(':') ? 6 : 4,
    state,
    message: '',
    banner: null,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security: state === 'ok' ? 'starttls' : 'none',
    tls: null,
    auth,
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 1, totalMs: 1 },
  };
}

const looks = (r: PortResult) => `${r.state}|${r.security}|${r.auth.join(' ')}`;
const addresses = ['127.0.0.1', '::1'];
const summary = (rows: ReturnType<typeof portRows>) => rows.map((row) => `${row.port}${row.showAddresses ? ` ${row.addresses.join('+')}` : ''}${row.pending ? ' …' : ` ${row.result?.state}`}`);

describe('result table rows', () => {
  it('one row per port when IPv4 and IPv6 answer alike, without addresses', () => {
    const results = [result(25, '127.0.0.1', 'ok', []), result(25, '::1', 'ok', []), result(587, '::1'), result(587, '127.0.0.1')];
    expect(summary(portRows([25, 587], results, addresses, false, looks))).toEqual(['25 ok', '587 ok']);
    // IPv4 first, whatever order the answers came in.
    expect(portRows([587], results, addresses, false, looks)[0]?.addresses).toEqual(['127.0.0.1', '::1']);
  });

  it('a row per address, with the addresses, when they differ', () => {
    const results = [result(2525, '127.0.0.1', 'no-greeting'), result(2525, '::1', 'refused')];
    expect(summary(portRows([2525], results, addresses, false, looks))).toEqual(['2525 127.0.0.1 no-greeting', '2525 ::1 refused']);
  });

  it('while the check runs, an address without an answer yet has its own pending row', () => {
    expect(summary(portRows([587], [result(587, '127.0.0.1')], addresses, true, looks))).toEqual(['587 127.0.0.1 ok', '587 ::1 …']);
    expect(summary(portRows([587], [], addresses, true, looks))).toEqual(['587 …']);
    // Once the check is over, a missing answer is not waited for.
    expect(summary(portRows([587], [result(587, '127.0.0.1')], addresses, false, looks))).toEqual(['587 ok']);
  });

  it('a port nobody answered for yet is one pending row', () => {
    expect(summary(portRows([25, 465], [], [], true, looks))).toEqual(['25 …', '465 …']);
  });
});
