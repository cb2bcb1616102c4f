import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dispose, EXTENSION_ID, launch, type Launched } from './extension';

let launched: Launched;

test.afterEach(async () => {
  await dispose(launched);
});

function optionsUrl(): string {
  return `chrome-extension://${launched.extensionId}/src/extension/options/index.html`;
}

test('options import rejects malformed JSON with a message and keeps the old settings', async () => {
  launched = await launch();
  const page = await launched.context.newPage();
  await page.goto(optionsUrl());
  await page.getByLabel('Profile name').fill('Example ISP support');
  await page.getByLabel('Outgoing server to prefill').fill('smtp.example.net');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "smtp-port-assistant-settings", ') });
  await expect(page.getByRole('alert')).toContainText('Import failed, nothing was changed: the file stops too early (line 1, column 44)');
  await page.locator('#import-file').setInputFiles({
    name: 'wrong-port.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, serviceUrl: 'https://probe.example.org', profile: { allowedPorts: [22] } })),
  });
  await expect(page.getByRole('alert')).toContainText('port 22 is not one of 25, 465, 587 or 2525.');
  await page.reload();
  await expect(page.getByLabel('Profile name')).toHaveValue('Example ISP support');
  await expect(page.getByLabel('Outgoing server to prefill')).toHaveValue('smtp.example.net');

  await page.locator('#import-file').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, serviceUrl: 'https://probe.example.org/', profile: { name: 'Imported desk', helpDomains: ['Help.Example.org'], outgoingServer: 'mail.example.org', allowedPorts: [587, 465], authMethod: 'check-mail-first' } }),
    ),
  });
  await expect(page.getByText('Settings imported.')).toBeVisible();
  await expect(page.getByLabel('Probe service URL')).toHaveValue('https://probe.example.org');
  await expect(page.getByLabel('Help-centre and webmail domains')).toHaveValue('help.example.org');
  await expect(page.getByLabel('Check mail before sending (POP/IMAP before SMTP)')).toBeChecked();
});

test('a Spanish reader is told in Spanish what is wrong with a value typed or imported', async () => {
  launched = await launch({ locale: 'es' });
  const page = await launched.context.newPage();
  await page.goto(optionsUrl());
  await page.locator('#outgoing-server').fill('smtp.example.net:587');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('alert')).toHaveText('«smtp.example.net:587» incluye un puerto; escriba solo el nombre.');
  await page.locator('#outgoing-server').fill('smtp.example.net');
  await page.locator('#help-domains').fill('ayuda.example.net soporte');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('alert')).toHaveText('«soporte» no tiene ningún punto; escriba un dominio completo como help.example.com.');
  await page.locator('#import-file').setInputFiles({
    name: 'later.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'smtp-port-assistant-settings', version: 3 })),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'La importación falló y no se cambió nada: los archivos de configuración de la versión 3 no se pueden leer; esta versión de la extensión lee la versión 1.',
  );
  await page.screenshot({ path: 'test-results/options-es-refused.png', fullPage: true });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`options page has no accessibility violations (${colorScheme})`, async () => {
    launched = await launch({ colorScheme });
    const page = await launched.context.newPage();
    await page.goto(optionsUrl());
    await expect(page.getByRole('heading', { name: 'SMTP Port Assistant options' })).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations).toEqual([]);
    await page.screenshot({ path: `test-results/options-${colorScheme}.png`, fullPage: true });
  });
}

test('an administrator policy overrides the options and shows them locked', async () => {
  // Chromium on Linux reads extension policy only from this folder (root-owned).
  const folder = '/etc/chromium/policies/managed';
  const file = `${folder}/smtp-port-assistant-e2e.json`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        '3rdparty': {
          extensions: {
            [EXTENSION_ID]: {
              serviceUrl: 'https://probe.helpdesk.example',
              profileName: 'Managed Helpdesk',
              outgoingServer: 'smtp.helpdesk.example',
              allowedPorts: [587, 465],
              // Of the schema's kind (Chromium drops any other) but not a host name: ignored, said why, and
              // the field stays the user's.
              helpDomains: ['help desk.example'],
            },
          },
        },
      }),
    );
  } catch (error) {
    throw new Error(`This test writes a Chromium policy file and needs root: ${(error as Error).message}`);
  }
  try {
    launched = await launch();
    expect(launched.extensionId).toBe(EXTENSION_ID);
    // The worker reads the policy when it starts and keeps it, so a page opened later need not wait for it.
    const kept = () => launched.worker.evaluate(() => chrome.storage.session.get('managedPolicy').then((stored) => stored.managedPolicy as unknown));
    await expect.poll(kept, { timeout: 15_000 }).toEqual({
      serviceUrl: 'https://probe.helpdesk.example',
      profileName: 'Managed Helpdesk',
      outgoingServer: 'smtp.helpdesk.example',
      allowedPorts: [587, 465],
      helpDomains: ['help desk.example'],
    });
    const page = await launched.context.newPage();
    await page.goto(optionsUrl());
    await expect(page.getByText('Some settings are set by your organization')).toBeVisible();
    await expect(page.getByLabel('Probe service URL')).toHaveValue('https://probe.helpdesk.example');
    await expect(page.getByLabel('Probe service URL')).toBeDisabled();
    await expect(page.getByLabel('Profile name')).toHaveValue('Managed Helpdesk');
    await expect(page.getByLabel('Profile name')).toBeDisabled();
    await expect(page.locator('[data-managed="allowedPorts"]')).toBeVisible();
    // Not a valid policy value, so ignored and still the user's to change.
    await expect(page.getByLabel('Help-centre and webmail domains')).toBeEnabled();
    await expect(page.locator('[data-policy-problem]')).toHaveText([/^The administrator's policy value for helpDomains was ignored: “help desk\.example” is not a valid name/]);
    await page.screenshot({ path: 'test-results/options-policy-problem.png', fullPage: true });

    const popup = await launched.context.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/src/extension/popup/index.html`);
    await expect(popup.getByText('Profile: Managed Helpdesk')).toBeVisible();
    await popup.getByRole('button', { name: 'Check server' }).click();
    await expect(popup.getByLabel('Email address, domain or server')).toHaveValue('smtp.helpdesk.example');
    // The policy's service does not exist in this test: the panel names it instead of offering a Check that fails.
    await expect(popup.getByTestId('service-missing')).toContainText('The check service at probe.helpdesk.example is not answering');
  } finally {
    rmSync(file, { force: true });
  }
});
