/**
 * How much of each client's steps a cited vendor page confirms, for `npm run report:clients`: the
 * steps, the steps some source lists in `confirms`, and the sources. Pure.
 */
import { CLIENTS } from './registry';
import type { MailClient } from './types';

export interface ClientCoverage {
  id: string;
  steps: number;
  confirmed: number;
  sources: number;
}

export interface CoverageReport {
  clients: ClientCoverage[];
  totals: { clients: number; steps: number; confirmed: number; sources: number };
}

export function clientCoverage(clients: readonly MailClient[] = CLIENTS): CoverageReport {
  const rows = clients.map((client) => {
    const ids = new Set(client.steps.map((step) => step.id));
    const confirmed = new Set(client.sources.flatMap((source) => source.confirms).filter((id) => ids.has(id)));
    return { id: client.id, steps: client.steps.length, confirmed: confirmed.size, sources: client.sources.length };
  });
  const sum = (key: 'steps' | 'confirmed' | 'sources') => rows.reduce((total, row) => total + row[key], 0);
  return { clients: rows, totals: { clients: rows.length, steps: sum('steps'), confirmed: sum('confirmed'), sources: sum('sources') } };
}

/** The report as an aligned plain-text table with a totals line. */
export function formatCoverage(report: CoverageReport): string {
  const header = ['client', 'steps', 'confirmed', 'sources'];
  const lines = [header, ...report.clients.map((row) => [row.id, String(row.steps), String(row.confirmed), String(row.sources)])];
  const { totals } = report;
  const share = totals.steps > 0 ? Math.round((totals.confirmed / totals.steps) * 100) : 0;
  lines.push([`total (${totals.clients} clients)`, String(totals.steps), `${totals.confirmed} (${share} %)`, String(totals.sources)]);
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return (
    lines
      .map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
      .join('\n') + '\n'
  );
}
