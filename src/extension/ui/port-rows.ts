/**
 * The rows of the result table: one per port, because a person cares about the port, not about IPv4 and
 * IPv6. A port gets a row per address only when its addresses behave differently (or, during the check,
 * while some still wait), and only then are the addresses shown. Pure.
 */
import type { PortResult, ProbePort } from '../../core/api';

export interface PortRow {
  key: string;
  port: ProbePort;
  /** The addresses the row stands for; shown only when `showAddresses`. */
  addresses: string[];
  showAddresses: boolean;
  /** The result shown (null for a port still waiting or never answered). */
  result: PortResult | null;
  pending: boolean;
}

/**
 * `looks` says how a result reads in the table; two addresses whose results read the same share a row.
 * `waitingShown` is true while the check runs, so addresses without an answer yet get a pending row.
 */
export function portRows(ports: ProbePort[], results: PortResult[], addresses: string[], waitingShown: boolean, looks: (result: PortResult) => string): PortRow[] {
  return ports.flatMap((port) => {
    const forPort = results.filter((result) => result.port === port).sort((a, b) => a.family - b.family);
    const waiting = waitingShown ? addresses.filter((address) => !forPort.some((result) => result.address === address)) : [];
    if (forPort.length === 0) {
      return [{ key: `${port}-pending`, port, addresses: waiting, showAddresses: false, result: null, pending: true }];
    }
    const groups = new Map<string, PortResult[]>();
    for (const result of forPort) {
      const look = looks(result);
      groups.set(look, [...(groups.get(look) ?? []), result]);
    }
    const apart = groups.size + (waiting.length > 0 ? 1 : 0) > 1;
    const rows: PortRow[] = [...groups.values()].map((group) => ({
      key: `${port}-${group.map((result) => result.address).join(',')}`,
      port,
      addresses: group.map((result) => result.address),
      showAddresses: apart,
      result: group[0]!,
      pending: false,
    }));
    if (waiting.length > 0) rows.push({ key: `${port}-${waiting.join(',')}-pending`, port, addresses: waiting, showAddresses: true, result: null, pending: true });
    return rows;
  });
}
