import { describe, it, expect } from 'vitest';
import { CLIENTS, findClient } from '../../src/core/clients/registry';
import { readFileSync } from 'node:fs';
import { helpText } from '../../src/core/clients/phrases';
import { renderSteps } from '../../src/core/clients/render';
import { DEFAULT_TARGET, LOCALES, type MailClient, type TargetSettings } from '../../src/core/clients/types';
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
        const submission = renderSteps(client, DEFAULT_TARGET, locale).filter((step) => step.kind === 'port');
        const implicit = renderSteps(client, IMPLICIT_TLS, locale).filter((step) => step.kind === 'port');
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

/** Every text of a client in one language: labels, steps with their variants, help places, sources' titles. */
function allText(client: MailClient, locale: 'en' | 'es'): string {
  const localized = [
    client.versions,
    ...Object.values(client.words),
    ...Object.values(client.securityWords),
    client.authentication.where,
    client.authentication.detail,
    ...(client.checkInterval ? [client.checkInterval] : []),
    ...client.steps.flatMap((step) => [step.text, step.noServer, step.detail, step.expect, ...Object.values(step.textFor ?? {})]),
  ];
  return localized
    .filter((text) => text !== undefined)
    .map((text) => text![locale])
    .join('\n');
}

describe('content corrections', () => {
  it("eM Client names its own security policies: Force usage of SSL/TLS for 587, the legacy special port for 465", () => {
    const emClient = requireClient('em-client');
    expect(emClient.securityWords.starttls.en).toBe('"Force usage of SSL/TLS"');
    expect(emClient.securityWords.tls.en).toBe('"Use SSL/TLS on Special Port (legacy)"');
    for (const locale of LOCALES) {
      // The bare "Use SSL/TLS" choice does not exist in eM Client.
      expect(allText(emClient, locale)).not.toMatch(/"(Use|Usar) SSL\/TLS"/);
      const steps = renderSteps(emClient, DEFAULT_TARGET, locale).map((step) => step.text).join('\n');
      expect(steps).toContain(locale === 'en' ? 'Force usage of SSL/TLS' : 'Forzar el uso de SSL/TLS');
      const implicit = renderSteps(emClient, IMPLICIT_TLS, locale).map((step) => step.text).join('\n');
      expect(implicit).toContain(locale === 'en' ? 'Use SSL/TLS on Special Port (legacy)' : 'Usar SSL/TLS en puerto especial (heredado)');
    }
    const comment = readFileSync('src/core/clients/em-client.ts', 'utf8');
    expect(comment).not.toMatch(/"Use SSL\/TLS" is/);
    expect(comment).toContain('Force usage of SSL/TLS');
  });

  it('new Outlook removes the account and adds it again, and names no undocumented editor', () => {
    const outlookNew = requireClient('outlook-new');
    for (const locale of LOCALES) expect(allText(outlookNew, locale)).not.toMatch(/Sync settings|Repair|sincronizaci[oó]n|Reparar/);
    const remove = stepIndex(outlookNew, (text) => /\bRemove\b/.test(text));
    const add = stepIndex(outlookNew, (text) => /Add account/.test(text));
    const port = outlookNew.steps.findIndex((step) => step.kind === 'port');
    expect(remove).toBeGreaterThanOrEqual(0);
    expect(add).toBeGreaterThan(remove);
    expect(port).toBeGreaterThan(add);
    expect(allText(outlookNew, 'en')).toMatch(/IMAP your mail stays on the server/);
  });

  it("Windows Mail keeps its own labels and leads to the new Outlook's add-account steps", () => {
    const windowsMail = requireClient('windows-mail');
    const outlookNew = requireClient('outlook-new');
    expect(windowsMail.words.outgoingServer.en).toBe('Outgoing (SMTP) email server');
    expect(windowsMail.words.security.en).toBe('Require SSL for outgoing email');
    expect(windowsMail.words.authentication.en).toBe('Outgoing server requires authentication');
    expect(windowsMail.authentication.where.en).toContain('Use the same user name and password for sending email');
    expect(windowsMail.securityModel).toBe('switch');
    for (const key of ['outgoingServer', 'security', 'authentication'] as const) expect(windowsMail.words[key].en).not.toBe(outlookNew.words[key].en);
    // Host and port shared one field in Mail.
    expect(allText(windowsMail, 'en')).toMatch(/mail\.example\.net:\{oldPort\}/);
    expect(stepIndex(windowsMail, (text) => /Add account/.test(text))).toBeGreaterThanOrEqual(0);
    expect(renderSteps(windowsMail, IMPLICIT_TLS, 'en').find((step) => step.kind === 'security')?.text).toBe('Set the outgoing Secure connection type to SSL/TLS.');
  });

  it('Outlook classic says where SMTP authentication is in the newer IMAP/POP Account Settings window', () => {
    const classic = requireClient('outlook-classic');
    for (const [locale, window, box] of [
      ['en', 'IMAP Account Settings', 'My outgoing (SMTP) server requires authentication'],
      ['es', 'Configuración de la cuenta IMAP', 'Mi servidor de salida (SMTP) requiere autenticación'],
    ] as const) {
      const sentence = allText(classic, locale).split('\n').find((text) => text.includes(window) && text.includes(box));
      expect(sentence, locale).toBeDefined();
    }
    expect(classic.authentication.where.en).toMatch(/IMAP Account Settings.*Outgoing mail/);
  });

  it('Samsung Email quotes no authentication label that no source confirms', () => {
    const samsung = requireClient('samsung-email');
    for (const locale of LOCALES) expect(allText(samsung, locale)).not.toMatch(/Require authentication to send emails|Solicitar autenticación para enviar correos/);
  });

  it('Outlook 2007 and classic Outlook use the same Spanish word for Auto', () => {
    for (const id of ['outlook-2007', 'outlook-classic']) {
      const spanish = allText(requireClient(id), 'es');
      expect(spanish, id).toContain('Automático');
      expect(spanish, id).not.toContain('Automática');
    }
  });

  it("each client's help is headed with its own authentication label", () => {
    for (const client of CLIENTS) {
      for (const locale of LOCALES) {
        const title = helpText(client, DEFAULT_TARGET, locale).auth[0]!.title;
        expect(title, `${client.id} ${locale}`).toContain(client.words.authentication[locale]);
      }
    }
    const thunderbird = helpText(requireClient('thunderbird'), DEFAULT_TARGET, 'en').auth[0]!.title;
    expect(thunderbird).toContain('Authentication method');
    expect(thunderbird).not.toMatch(/My outgoing server/);
  });
});

describe('validateClient rules for generated sentences', () => {
  const thunderbird = requireClient('thunderbird');
  const appleMail = requireClient('apple-mail');

  it('wants a no-server wording for a step that names {server}', () => {
    const steps = thunderbird.steps.map((step) => (step.kind === 'server' ? { ...step, noServer: undefined } : step));
    expect(validateClient({ ...thunderbird, steps }).join('\n')).toMatch(/noServer: required/);
  });

  it('refuses {security} in a switch client and wants the sentence that turns the switch off', () => {
    const steps = appleMail.steps.map((step) =>
      step.kind === 'security' ? { ...step, text: { en: 'Set "Use TLS/SSL" to {security}.', es: 'Deje "Usar TLS/SSL" {security}.' }, textFor: undefined } : step,
    );
    const problems = validateClient({ ...appleMail, steps }).join('\n');
    expect(problems).toMatch(/without \{security\}/);
    expect(problems).toMatch(/textFor\.none: required/);
  });

  it('refuses a source that confirms a step the client does not have', () => {
    const sources = [{ ...thunderbird.sources[0]!, confirms: ['no-such-step'] }];
    expect(validateClient({ ...thunderbird, sources }).join('\n')).toMatch(/confirms "no-such-step"/);
  });
});
