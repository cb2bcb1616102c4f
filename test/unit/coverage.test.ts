import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clientCoverage, formatCoverage } from '../../src/core/clients/coverage';
import { CLIENTS } from '../../src/core/clients/registry';

describe('report:clients', () => {
  it('counts steps, the steps a cited source confirms (each once) and sources, with totals', () => {
    const [thunderbird] = CLIENTS.filter((client) => client.id === 'thunderbird');
    const stepIds = thunderbird!.steps.map((step) => step.id);
    const sample = {
      ...thunderbird!,
      sources: [
        { title: 'a', url: 'https://support.mozilla.org/a', confirms: [stepIds[0]!, stepIds[1]!] },
        { title: 'b', url: 'https://support.mozilla.org/b', confirms: [stepIds[1]!, 'gone'] },
      ],
    };
    const report = clientCoverage([sample, { ...sample, id: 'twin', sources: [] }]);
    expect(report.clients).toEqual([
      { id: 'thunderbird', steps: stepIds.length, confirmed: 2, sources: 2 },
      { id: 'twin', steps: stepIds.length, confirmed: 0, sources: 0 },
    ]);
    expect(report.totals).toEqual({ clients: 2, steps: stepIds.length * 2, confirmed: 2, sources: 2 });
    const table = formatCoverage(report);
    expect(table.split('\n')[0]).toMatch(/^client\s+steps\s+confirmed\s+sources$/);
    expect(table).toMatch(new RegExp(`^total \\(2 clients\\)\\s+${stepIds.length * 2}\\s+2 \\(\\d+ %\\)\\s+2$`, 'm'));
  });

  it('the npm script prints one row per client and the totals of the shipped data', () => {
    const output = execFileSync('npx', ['tsx', 'scripts/report-clients.ts'], { encoding: 'utf8' });
    const report = clientCoverage();
    for (const row of report.clients) expect(output).toMatch(new RegExp(`^${row.id}\\s+${row.steps}\\s+${row.confirmed}\\s+${row.sources}$`, 'm'));
    expect(output).toContain(`total (${CLIENTS.length} clients)`);
    expect(report.totals.confirmed).toBeGreaterThan(0);
  });
});
