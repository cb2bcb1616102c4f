/**
 * The user name a provider publishes, from the service's discovery to what the person reads: the built
 * probe service reads a provider file from a stand-in ISPDB over HTTPS (the file names the loopback
 * Postfix and wants the part of the address before the @), probes Postfix, and the popup's check result,
 * settings card and login step, and agent mode's reply, say "jdoe".
 */
import { test, expect, type Page } from '@playwright/test';
import { providerFile, startIspdb, type IspdbServer } from '../helpers/ispdb-server';
import { dispose, launch, openPopup, removeProfile, type Launched } from './extension';
import { ensurePostfix, startProbeService, type RunningService } from './services';

const SERVICE_PORT = 8592;

let ispdb: IspdbServer;
let service: RunningService;
let launched: Launched;

test.beforeAll(async () => {
  await ensurePostfix();
  ispdb = await startIspdb({
    'isp.test': providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILLOCALPART%', authentication: 'password-cleartext' }),
    // A provider that signs in through its own window, as ISPDB publishes Gmail and Outlook.com.
    'oauth.test': providerFile('oauth.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILADDRESS%', authentication: 'OAuth2' }),
  });
  service = await startProbeService(SERVICE_PORT, { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile });
});

test.afterAll(async () => {
  await service?.stop();
  await ispdb?.close();
});

async function launchWithService(locale: 'en' | 'es' = 'en'): Promise<Launched> {
  const started = await launch({ locale });
  await started.worker.evaluate(async (serviceUrl) => {
    await chrome.storage.local.set({
      options: {
        serviceUrl,
        profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587], authMethod: 'smtp-auth' },
      },
    });
  }, service.origin);
  return started;
}

test.beforeEach(async () => {
  launched = await launchWithService();
});

test.afterEach(async () => {
  await dispose(launched);
});

/** The popup at 380 px with Thunderbird chosen, checking `address` from the Check server tab. */
async function checkWithThunderbird(address: string): Promise<Page> {
  const page = await openPopup(launched, { width: 380, height: 900 });
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await page.getByRole('button', { name: 'Check server' }).click();
  const field = page.getByLabel('Email address, domain or server');
  // The field takes its prefill once the view has loaded; type after that, as a person would.
  await expect(async () => {
    await field.fill(address);
    await page.waitForTimeout(200);
    await expect(field).toHaveValue(address, { timeout: 100 });
  }).toPass();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  return page;
}

test('the popup shows the published user name in the check result, on the settings card and at the login step', async () => {
  const page = await checkWithThunderbird('jdoe@isp.test');
  await expect(page.getByTestId('recommendation')).toContainText('Use localhost, port 587', { timeout: 45_000 });
  await expect(page.getByTestId('recommendation-username')).toHaveText('User name: jdoe');
  await page.screenshot({ path: 'test-results/popup-username-check-light.png', fullPage: true });

  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.getByTestId('target-server')).toHaveText('localhost');
  await expect(page.getByTestId('target-username')).toHaveText('jdoe');
  await expect(page.locator('.settings dt', { hasText: 'User name' })).toBeVisible();
  await expect(page.locator('.steps [data-kind="auth"]')).toContainText('For this provider the user name is jdoe, not your full email address.');
  await page.screenshot({ path: 'test-results/popup-username-card-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/popup-username-card-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // A new popup reads the setting back from storage, user name and all.
  await page.close();
  const again = await openPopup(launched);
  await expect(again.getByTestId('target-username')).toHaveText('jdoe');
});

test('agent mode puts the user name in the reply, and its form when only the domain was checked', async () => {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 420, height: 1200 });
  await page.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
  const field = page.getByLabel('Email address, domain or server');
  await field.fill('jdoe@isp.test');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('recommendation')).toContainText('Use localhost, port 587', { timeout: 45_000 });
  await expect(page.getByTestId('recommendation-username')).toHaveText('User name: jdoe');
  await page.getByLabel("Customer's mail program").selectOption('thunderbird');
  const preview = page.locator('#reply-preview');
  await expect(preview).toHaveValue(/^- User name: jdoe$/m);
  await expect(preview).toHaveValue(/^- Authentication: on, with your mailbox password$/m);
  await page.screenshot({ path: 'test-results/agent-username-reply-light.png', fullPage: true });
  // The reply's settings, scrolled into view in the preview, for a look at the text itself.
  await preview.evaluate((element: HTMLTextAreaElement) => {
    const before = element.value.slice(0, element.value.indexOf('Settings to use'));
    element.scrollTop = before.split('\n').length * parseFloat(getComputedStyle(element).lineHeight || '16');
  });
  await preview.screenshot({ path: 'test-results/agent-username-reply-settings.png' });

  await field.fill('isp.test');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('recommendation-username')).toHaveText('User name: the part of your address before the @', { timeout: 45_000 });
  await expect(preview).toHaveValue(/^- User name: the part of your address before the @$/m);
});

test('in Spanish, the check result and the settings card give the user name in Spanish', async () => {
  await launched.close();
  await removeProfile(launched.profile);
  launched = await launchWithService('es');
  const page = await openPopup(launched, { width: 380, height: 900 });
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await page.getByRole('button', { name: 'Comprobar servidor' }).click();
  const field = page.getByLabel('Dirección de correo, dominio o servidor');
  await expect(async () => {
    await field.fill('jdoe@isp.test');
    await page.waitForTimeout(200);
    await expect(field).toHaveValue('jdoe@isp.test', { timeout: 100 });
  }).toPass();
  await page.getByRole('button', { name: 'Comprobar', exact: true }).click();
  await expect(page.getByTestId('recommendation-username')).toHaveText('Nombre de usuario: jdoe', { timeout: 45_000 });
  await page.screenshot({ path: 'test-results/popup-username-check-es-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/popup-username-check-es-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Usar estos datos' }).click();
  await expect(page.getByTestId('target-username')).toHaveText('jdoe');
  await page.screenshot({ path: 'test-results/popup-username-card-es-light.png', fullPage: true });
});

test('a provider that publishes OAuth2 is never told "your mailbox password": the check, the card and Thunderbird\'s login step say OAuth2', async () => {
  const page = await checkWithThunderbird('ana@oauth.test');
  const recommendation = page.getByTestId('recommendation');
  await expect(recommendation).toContainText('Sign in with OAuth2: your mail program opens your provider\'s sign-in window.', { timeout: 45_000 });
  await expect(recommendation).not.toContainText('password');
  await page.screenshot({ path: 'test-results/popup-oauth-check-light.png', fullPage: true });
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.locator('.settings')).toContainText("On, OAuth2: sign in through your provider's window");
  await expect(page.locator('.steps [data-kind="auth"]')).toContainText('Set Authentication method to OAuth2');
  await expect(page.locator('.steps [data-kind="auth"]')).not.toContainText('Normal password');
  await expect(page.locator('.steps [data-kind="verify"]')).toContainText("Thunderbird opens your provider's sign-in window once");
  await page.screenshot({ path: 'test-results/popup-oauth-card-light.png', fullPage: true });
});
