/**
 * Setup files in the built extension: after a real check (the probe service reads isp.test's provider
 * file from a stand-in ISPDB and probes the loopback Postfix), Apple Mail and iPhone/iPad Mail offer
 * "Set up automatically", which downloads a profile that plistlib reads back; agent mode offers the same
 * file for the customer; the options page exports the provider files, read back by an XML parser.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { providerFile, startIspdb, type IspdbServer } from '../helpers/ispdb-server';
import { dispose, launch, openPopup, type Launched } from './extension';
import { ensurePostfix, startProbeService, type RunningService } from './services';

const SERVICE_PORT = 8596;
const READER = 'test/helpers/read-setup-files.py';

let ispdb: IspdbServer;
let service: RunningService;
let launched: Launched | undefined;

function read(kind: 'profile' | 'autoconfig' | 'autodiscover', file: string): Record<string, unknown> {
  return JSON.parse(execFileSync('python3', [READER, kind], { input: readFileSync(file), encoding: 'utf8' })) as Record<string, unknown>;
}

test.beforeAll(async () => {
  await ensurePostfix();
  // isp.test's provider file: the loopback Postfix for sending, and an IMAP server the setup file takes from discovery.
  const published = providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILLOCALPART%', authentication: 'password-cleartext' }).replace(
    '<outgoingServer',
    '<incomingServer type="imap"><hostname>imap.isp.test</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>\n    <outgoingServer',
  );
  ispdb = await startIspdb({ 'isp.test': published });
  service = await startProbeService(SERVICE_PORT, { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile });
});

test.afterAll(async () => {
  await service?.stop();
  await ispdb?.close();
});

test.afterEach(async () => {
  if (!launched) return;
  await dispose(launched);
  launched = undefined;
});

async function launchWith(locale: 'en' | 'es', profile: Record<string, unknown> = {}): Promise<Launched> {
  const started = await launch({ locale });
  await started.worker.evaluate(
    async ({ serviceUrl, profile }) => {
      await chrome.storage.local.set({
        options: { serviceUrl, profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587], authMethod: 'smtp-auth', ...profile } },
      });
    },
    { serviceUrl: service.origin, profile },
  );
  return started;
}

const WORDS = {
  en: { check: 'Check server', field: 'Email address, domain or server', run: 'Check', use: 'Use these settings', button: 'Set up automatically', email: 'Email address' },
  es: { check: 'Comprobar servidor', field: 'Dirección de correo, dominio o servidor', run: 'Comprobar', use: 'Usar estos datos', button: 'Configurar automáticamente', email: 'Dirección de correo' },
};

/** Picks a client, checks jdoe@isp.test for real and takes the recommendation into the checklist. */
async function checkAndUse(page: Page, locale: 'en' | 'es', clientId: string): Promise<void> {
  const words = WORDS[locale];
  await page.getByRole('searchbox').fill(clientId === 'ios-mail' ? 'iphone' : clientId === 'thunderbird' ? 'thunderbird' : 'apple mail');
  await page.locator(`[data-client="${clientId}"]`).click();
  await page.getByRole('button', { name: words.check }).click();
  const field = page.getByLabel(words.field);
  await expect(async () => {
    await field.fill('jdoe@isp.test');
    await page.waitForTimeout(200);
    await expect(field).toHaveValue('jdoe@isp.test', { timeout: 100 });
  }).toPass();
  await page.getByRole('button', { name: words.run, exact: true }).click();
  await expect(page.getByTestId('recommendation')).toContainText('localhost', { timeout: 45_000 });
  await page.getByRole('button', { name: words.use }).click();
}

test('iPhone Mail: "Set up automatically" downloads a profile with the checked server; other clients keep only the checklist', async () => {
  launched = await launchWith('en');
  const page = await openPopup(launched, { width: 380, height: 1400 });
  await checkAndUse(page, 'en', 'ios-mail');
  const section = page.getByTestId('setup-profile');
  await expect(section.getByRole('heading', { name: 'Let Mail set itself up' })).toBeVisible();
  await expect(section).toContainText('sends through localhost, port 587');
  await expect(section).toContainText('Remove the old account first: with IMAP your mail stays on the server');
  await expect(section).toContainText('“Not verified”');
  await expect(section.getByLabel('Email address')).toHaveValue('jdoe@isp.test');
  // The checklist is still there below it.
  await expect(page.locator('.steps')).toBeVisible();

  // The incoming server comes from the provider file the check's discovery read.
  const host = section.getByLabel('Incoming server name');
  await expect(host).toHaveValue('imap.isp.test');
  await expect(section.getByLabel('Port')).toHaveValue('993');
  // Without one, the section says what is missing instead of writing a file.
  await host.fill('');
  await section.getByRole('button', { name: 'Set up automatically' }).click();
  await expect(section.getByTestId('setup-error')).toHaveText('Fill in the incoming server, such as imap.example.com.');
  await host.fill('imap.isp.test');
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Set up automatically' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('isp.test.mobileconfig');
  const path = await file.path();
  await expect(section.getByTestId('setup-status')).toHaveText('Saved isp.test.mobileconfig. Open it to install the profile.');
  const profile = read('profile', path);
  expect(profile.PayloadType).toBe('Configuration');
  expect((profile.PayloadContent as Record<string, unknown>[])[0]).toMatchObject({
    PayloadType: 'com.apple.mail.managed',
    EmailAddress: 'jdoe@isp.test',
    EmailAccountType: 'EmailTypeIMAP',
    IncomingMailServerHostName: 'imap.isp.test',
    IncomingMailServerPortNumber: 993,
    OutgoingMailServerHostName: 'localhost',
    OutgoingMailServerPortNumber: 587,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerUsername: 'jdoe',
    OutgoingPasswordSameAsIncomingPassword: true,
  });
  await section.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await new AxeBuilder({ page }).include('[data-testid="setup-profile"]').analyze()).violations).toEqual([]);
    await section.screenshot({ path: `test-results/setup-popup-en-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Agent mode offers the same file for the customer, with how to send it.
  const agent = await launched.context.newPage();
  await agent.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
  const offer = agent.getByTestId('setup-profile');
  await expect(offer.getByRole('heading', { name: 'Setup profile for the customer (Apple Mail)' })).toBeVisible();
  await expect(offer).toContainText('Attach the file to your reply');
  await expect(offer.getByLabel('Incoming server name')).toHaveValue('imap.isp.test');
  await offer.getByLabel('Incoming server name').fill('pop.isp.test');
  await offer.getByLabel('Incoming protocol').selectOption('pop3');
  await expect(offer.getByLabel('Port')).toHaveValue('995');
  const agentDownload = agent.waitForEvent('download');
  await offer.getByRole('button', { name: 'Set up automatically' }).click();
  const agentProfile = read('profile', await (await agentDownload).path());
  expect((agentProfile.PayloadContent as Record<string, unknown>[])[0]).toMatchObject({ EmailAccountType: 'EmailTypePOP', IncomingMailServerPortNumber: 995, OutgoingMailServerHostName: 'localhost' });
  // The same address gives the same profile UUID, so installing it again replaces the first one.
  expect(agentProfile.PayloadUUID).toBe(profile.PayloadUUID);
  // A customer on another program gets no Apple profile offered; back on iPhone Mail, it is there again.
  await agent.getByLabel("Customer's mail program").selectOption('thunderbird');
  await expect(agent.getByTestId('setup-profile')).toHaveCount(0);
  await agent.getByLabel("Customer's mail program").selectOption('ios-mail');
  await expect(agent.getByTestId('setup-profile')).toBeVisible();

  // Another client: the checklist only.
  await page.getByRole('button', { name: 'Change mail program' }).click();
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await expect(page.locator('.steps')).toBeVisible();
  await expect(page.getByTestId('setup-profile')).toHaveCount(0);
});

test('Spanish popup takes the incoming server from the helpdesk profile', async () => {
  launched = await launchWith('es', { name: 'ISP de prueba', incoming: { protocol: 'imap', hostname: 'imap.isp.test', port: 143, security: 'starttls' } });
  const page = await openPopup(launched, { width: 380, height: 1400 });
  await checkAndUse(page, 'es', 'apple-mail');
  const section = page.getByTestId('setup-profile');
  await expect(section.getByRole('heading', { name: 'Que Mail se configure solo' })).toBeVisible();
  await expect(section.getByLabel('Nombre del servidor entrante')).toHaveValue('imap.isp.test');
  await expect(section.getByLabel('Puerto')).toHaveValue('143');
  await expect(section).toContainText('«No verificado»');
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Configurar automáticamente' }).click();
  const profile = read('profile', await (await download).path());
  expect(profile.PayloadOrganization).toBe('ISP de prueba');
  expect((profile.PayloadContent as Record<string, unknown>[])[0]).toMatchObject({ IncomingMailServerHostName: 'imap.isp.test', IncomingMailServerPortNumber: 143, IncomingMailServerUseSSL: true });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/setup-popup-es-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await section.screenshot({ path: 'test-results/setup-popup-es-dark.png' });
});

for (const locale of ['en', 'es'] as const) {
  test(`options: the incoming server is saved with the profile and "Provider files" exports the three files (${locale})`, async () => {
    launched = await launchWith(locale, { name: 'Example ISP', outgoingServer: 'smtp.example.net' });
    const page = await launched.context.newPage();
    await page.setViewportSize({ width: 800, height: 1600 });
    await page.goto(`chrome-extension://${launched.extensionId}/src/extension/options/index.html`);
    const section = page.getByTestId('provider-files');
    await expect(section.locator('#provider-domain')).toHaveValue('example.net');
    if (locale === 'en') {
      // Without an incoming server in the profile there is nothing to export yet.
      await section.getByRole('button', { name: 'Export config-v1.1.xml' }).click();
      await expect(section.getByTestId('provider-status')).toHaveText('Set the incoming server in the profile above and save, then export.');
      await expect(section).toContainText('https://autoconfig.example.net/mail/config-v1.1.xml');
      await expect(section).toContainText('https://example.net/.well-known/autoconfig/mail/config-v1.1.xml');
      await expect(section).toContainText('https://autodiscover.example.net/autodiscover/autodiscover.xml');
      await expect(section).toContainText('Add the lines to the DNS zone of example.net.');
    }
    await page.locator('#options-incoming-host').fill('imap.example.net');
    await page.locator('form button[type="submit"]').first().click();
    await expect(page.locator('.status').first()).not.toBeEmpty();
    const stored = await launched.worker.evaluate(async () => ((await chrome.storage.local.get('options')) as { options: { profile: { incoming: unknown } } }).options.profile.incoming);
    expect(stored).toEqual({ protocol: 'imap', hostname: 'imap.example.net', port: 993, security: 'tls' });

    await section.locator('#provider-port').fill('465');
    await section.locator('#provider-security').selectOption('tls');
    const files: Record<string, string> = {};
    for (const name of ['config-v1.1.xml', 'autodiscover.xml', 'example.net-srv.zone']) {
      const download = page.waitForEvent('download');
      await section.locator('.provider-file button', { hasText: name }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(name);
      files[name] = await file.path();
    }
    expect(read('autoconfig', files['config-v1.1.xml']!)).toMatchObject({
      id: 'example.net',
      servers: [
        { tag: 'incomingServer', type: 'imap', hostname: 'imap.example.net', port: '993', socketType: 'SSL' },
        { tag: 'outgoingServer', type: 'smtp', hostname: 'smtp.example.net', port: '465', socketType: 'SSL', username: '%EMAILADDRESS%', authentication: 'password-cleartext' },
      ],
    });
    expect((read('autodiscover', files['autodiscover.xml']!).protocols as Record<string, string>[]).map((protocol) => `${protocol.Type} ${protocol.Server}:${protocol.Port} ${protocol.SSL}`)).toEqual([
      'IMAP imap.example.net:993 on',
      'SMTP smtp.example.net:465 on',
    ]);
    expect(readFileSync(files['example.net-srv.zone']!, 'utf8')).toContain('_submissions._tcp.example.net. 3600 IN SRV 0 1 465 smtp.example.net.\n_imaps._tcp.example.net. 3600 IN SRV 0 1 993 imap.example.net.');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await section.screenshot({ path: `test-results/setup-options-${locale}-${colorScheme}.png` });
    }
  });
}
