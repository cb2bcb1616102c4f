import { describe, expect, it } from 'vitest';
import { stepsAsText, type ExportLabels } from '../../src/core/clients/export';
import { CLIENTS } from '../../src/core/clients/registry';
import { DEFAULT_TARGET, LOCALES } from '../../src/core/clients/types';

const labels: ExportLabels = {
  title: 'TITLE',
  settings: 'SETTINGS',
  expect: (text) => `EXPECT ${text}`,
  source: (url) => `SOURCE ${url}`,
};

describe('stepsAsText', () => {
  for (const client of CLIENTS) {
    for (const locale of LOCALES) {
      it(`${client.id} (${locale}) numbers every step, fills every placeholder and names the source`, () => {
        const text = stepsAsText(client, DEFAULT_TARGET, locale, labels);
        expect(text.startsWith('TITLE\n\nSETTINGS\n')).toBe(true);
        for (let n = 1; n <= client.steps.length; n += 1) expect(text).toMatch(new RegExp(`^${n}\\. \\S`, 'm'));
        expect(text).not.toMatch(/\{(server|port|oldPort|security)\}/);
        expect(text).toContain(`SOURCE ${client.sources[0]!.url}`);
        if (!client.retired) expect(text).toContain('587');
      });
    }
  }

  it('shows the real values from a server check', () => {
    const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
    const text = stepsAsText(
      thunderbird,
      { server: 'mail.example.net', port: 465, security: 'tls', authentication: 'password' },
      'en',
      labels,
    );
    expect(text).toContain('mail.example.net');
    expect(text).toMatch(/25 to 465/);
    expect(text).toContain('SSL/TLS');
    expect(text).not.toMatch(/to 587/);
  });
});
