import { describe, it, expect } from 'vitest';
import { CLIENTS, findClient } from '../../src/core/clients/registry';
import { renderSteps } from '../../src/core/clients/render';
import { DEFAULT_TARGET, type MailClient, type TargetSettings } from '../../src/core/clients/types';
import { validateClient } from '../../src/core/clients/validate';

const REQUIRED_IDS = [
  'outlook-classic',
  'outlook-new',
  'outlook-mac',
  'outlook-2007',
  'outlook-2003',
  'thunderbird',
  'apple-mail',
  'apple-mail-legacy',
  'ios-mail',
  'gmail-android',
  'samsung-email',
  'em-client',
  'gmail-web',
  'windows-live-mail',
  'windows-mail',
  'other',
];

/** A source must be the vendor's own help page: one of these domains or a subdomain of it. */
const VENDOR_DOMAINS = ['microsoft.com', 'apple.com', 'google.com', 'mozilla.org', 'samsung.com', 'emclient.com'];

const IMPLICIT_TLS: TargetSettings = { ...DEFAULT_TARGET, port: 465, security: 'tls' };

function englishSteps(client: MailClient): string[] {
  return client.steps.map((step) => step.text.en);
}

function stepIndex(client: MailClient, predicate: (text: string) => boolean): number {
  return englishSteps(client).findIndex(predicate);
}

function requireClient(id: string): MailClient {
  const client = findClient(id);
  if (!client) throw new Error(`client "${id}" is not in CLIENTS`);
  return client;
}

describe('mail client registry', () => {
  it('has unique ids', () => {
    const ids = CLIENTS.map((client) => client.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has every client the picker promises, in the picker order', () => {
    expect(CLIENTS.map((client) => client.id)).toEqual(expect.arrayContaining(REQUIRED_IDS));
    const order = CLIENTS.map((client) => client.id).filter((id) => REQUIRED_IDS.includes(id));
    expect(order).toEqual(REQUIRED_IDS);
  });

  describe.each(CLIENTS.map((client) => [client.id, client] as const))('%s', (_id, client) => {
    it('passes the schema', () => {
      const problems = validateClient(client);
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('has a port step that renders 587 by default and 465 for implicit TLS', () => {
      for (const locale of ['en', 'es'] as const) {
        const submission = renderSteps(client, DEFAULT_TARGET, locale, 'SERVER').filter((step) => step.kind === 'port');
        const implicit = renderSteps(client, IMPLICIT_TLS, locale, 'SERVER').filter((step) => step.kind === 'port');
        expect(submission.some((step) => step.text.includes('587')), `${client.id} ${locale} 587`).toBe(true);
        expect(implicit.some((step) => step.text.includes('465')), `${client.id} ${locale} 465`).toBe(true);
      }
    });

    it('cites only https vendor help pages', () => {
      for (const source of client.sources) {
        const url = new URL(source.url);
        expect(url.protocol, source.url).toBe('https:');
        const onVendor = VENDOR_DOMAINS.some((domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`));
        expect(onVendor, `${source.url} is not on a vendor domain`).toBe(true);
      }
    });
  });
});

describe('client-specific facts', () => {
  it('windows-mail is retired and leads to the new Outlook', () => {
    const windowsMail = requireClient('windows-mail');
    expect(windowsMail.retired?.successor).toBe('outlook-new');
    expect(windowsMail.retired?.since).toMatch(/^2024-12/);
    expect(findClient('outlook-new')).toBeDefined();
  });

  it('outlook-2003 follows Tools > E-mail Accounts > View or change > Change > More Settings > Advanced', () => {
    const text = englishSteps(requireClient('outlook-2003')).join('\n');
    const path = ['Tools', 'E-mail Accounts', 'View or change existing e-mail accounts', 'Change', 'More Settings', 'Advanced'];
    let from = 0;
    for (const word of path) {
      const at = text.indexOf(word, from);
      expect(at, `"${word}" missing or out of order`).toBeGreaterThanOrEqual(0);
      from = at + word.length;
    }
  });

  it('apple-mail turns off automatic connection settings before the port step', () => {
    const appleMail = requireClient('apple-mail');
    const turnOff = stepIndex(appleMail, (text) => /uncheck "Automatically manage connection settings"/i.test(text));
    const port = appleMail.steps.findIndex((step) => step.kind === 'port');
    expect(turnOff).toBeGreaterThanOrEqual(0);
    expect(turnOff).toBeLessThan(port);
  });

  it('thunderbird checks the port after choosing the security', () => {
    const thunderbird = requireClient('thunderbird');
    const security = thunderbird.steps.findIndex((step) => step.kind === 'security');
    const port = thunderbird.steps.findIndex((step) => step.kind === 'port');
    expect(security).toBeGreaterThanOrEqual(0);
    expect(port).toBeGreaterThan(security);
  });
});
