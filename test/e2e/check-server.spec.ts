import { test, expect, type Page } from '@playwright/test';
import { dispose, launch, openPopup, readClipboard, type Launched } from './extension';
import { startZoneDns } from '../helpers/zone-dns';
import { ensurePostfix, startProbeService, startTarpit, type RunningService } from './services';

/** The extension's default service URL is http://127.0.0.1:8587, the port `npm start` uses too. */
const SERVICE_PORT = 8587;

let service: RunningService;
let launched: Launched;

test.beforeAll(async () => {
  await ensurePostfix();
  service = await startProbeService(SERVICE_PORT);
});

test.afterAll(async () => {
  await service?.stop();
});

test.beforeEach(async () => {
  launched = await launch();
});

test.afterEach(async () => {
  await dispose(launched);
});

async function setOptions(options: unknown): Promise<void> {
  await launched.worker.evaluate(async (value) => {
    await chrome.storage.local.set({ options: value });
  }, options);
}

async function checkFromPopup(page: Page, target: string): Promise<void> {
  await page.getByRole('button', { name: 'Check server' }).click();
  const field = page.getByLabel('Email address, domain or server');
  await field.fill(target);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}

test('checking localhost shows the real state of 25, 465 and 587 and a recommendation, and "Use these settings" fills the checklist', async () => {
  const page = await openPopup(launched);
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await checkFromPopup(page, 'localhost');
  const recommendation = page.getByTestId('recommendation');
  await expect(recommendation).toContainText(/port (587|465)/, { timeout: 45_000 });
  for (const port of [25, 465, 587]) {
    const rows = page.locator(`.ports tr[data-port="${port}"]`);
    await expect(rows.first()).toHaveAttribute('data-state', 'ok');
  }
  // Postfix offers AUTH on 587 and 465 only (after TLS), never on 25.
  await expect(page.locator('.ports tr[data-port="25"]').first()).toContainText('no login offered');
  await expect(page.locator('.ports tr[data-port="587"]').first().locator('td').nth(3)).toHaveText('Password (PLAIN, LOGIN)');
  // Only a port a mail program can send through is marked usable (green): not 25 without a login.
  await expect(page.locator('.ports tr[data-port="587"]').first()).toHaveAttribute('data-usable', 'true');
  await expect(page.locator('.ports tr[data-port="25"]').first()).not.toHaveAttribute('data-usable', 'true');
  await expect(page.locator('.ports tr[data-port="465"]').first()).toContainText('Self-signed');
  await page.screenshot({ path: 'test-results/popup-check-result-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/popup-check-result-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  const sentence = (await recommendation.textContent()) ?? '';
  const port = sentence.includes('port 465') ? '465' : '587';
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.getByTestId('target-port')).toHaveText(port);
  await expect(page.getByTestId('target-server')).toHaveText('localhost');
  await expect(page.locator('.steps [data-kind="port"]')).toContainText(`25 to ${port}`);
  await expect(page.getByTestId('target-security')).toHaveText(port === '465' ? 'SSL/TLS' : 'STARTTLS');
  await expect(page.getByText('Tested on your server.')).toBeVisible();
  // Postfix takes logins on both 465 and 587: the other one is the fallback the check found.
  await expect(page.getByTestId('target-fallback')).toHaveText(port === '465' ? 'If 465 fails: port 587 with STARTTLS.' : 'If 587 fails: port 465 with SSL/TLS.');
});

test('a port the check did not try is no finding: the card keeps the usual fallback and the help its 2525 hint', async () => {
  // The helpdesk's profile allows 25 and 587 only: the check never tries 465 or 2525.
  await setOptions({
    serviceUrl: service.origin,
    profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 587], authMethod: 'smtp-auth' },
  });
  const page = await openPopup(launched);
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await checkFromPopup(page, 'localhost');
  await expect(page.getByTestId('recommendation')).toContainText('port 587', { timeout: 45_000 });
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.getByText('Tested on your server.')).toBeVisible();
  await expect(page.getByTestId('target-fallback')).toHaveText('If 587 fails: port 465 with SSL/TLS.');
  await page.getByText('Still not sending?').click();
  await expect(page.getByText('Some providers also accept port 2525.', { exact: false })).toBeVisible();
});

test('closing the popup in the middle of a check loses nothing', async () => {
  const tarpit = await startTarpit(2525);
  try {
    await setOptions({
      serviceUrl: service.origin,
      profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587, 2525], authMethod: 'smtp-auth' },
    });
    let page = await openPopup(launched);
    await checkFromPopup(page, 'localhost');
    // 2525 is a tarpit: the check waits for its greeting timeout while the other ports are done.
    await expect(page.locator('.ports tr[data-port="2525"].pending')).toBeVisible();
    await expect(page.locator('.ports tr[data-port="587"]').first()).toHaveAttribute('data-state', 'ok');
    await page.close();

    page = await openPopup(launched);
    await expect(page.getByRole('heading', { name: 'Check a mail server' })).toBeVisible();
    await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 60_000 });
    await expect(page.locator('.ports tr[data-port="2525"][data-address="127.0.0.1"]')).toHaveAttribute('data-state', 'no-greeting');
  } finally {
    await tarpit.stop();
  }
});

test('agent mode copies a reply with the recommended port and the chosen client\'s steps, signed with the profile\'s name', async () => {
  await setOptions({
    serviceUrl: service.origin,
    profile: { name: 'Example ISP support', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587, 2525], authMethod: 'smtp-auth' },
  });
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
  await page.getByLabel('Email address, domain or server').fill('localhost');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });
  await page.getByLabel("Customer's mail program").selectOption('thunderbird');
  const sentence = (await page.getByTestId('recommendation').textContent()) ?? '';
  const port = sentence.includes('port 465') ? '465' : '587';
  await page.getByRole('button', { name: 'Copy reply', exact: true }).click();
  await expect(page.getByText('Reply copied. Paste it into the chat.')).toBeVisible();
  await page.screenshot({ path: 'test-results/agent-panel-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/agent-panel-dark.png', fullPage: true });
  const reply = await readClipboard(launched);
  expect(reply).toContain(`Port: ${port}`);
  expect(reply).toContain('Steps in Mozilla Thunderbird');
  expect(reply).toContain(`25 to ${port}`);
  expect(reply).toMatch(/^1\. /m);
  // The server the agent typed is said once, and the helpdesk signs.
  expect(reply).toContain('We checked the outgoing mail server localhost. What we found:');
  expect(reply.endsWith('Kind regards,\nExample ISP support\n')).toBe(true);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await readClipboard(launched);
  expect(markdown).toContain(`- Port: \`${port}\``);
  expect(markdown).toContain('**Steps in Mozilla Thunderbird**');
});

test('the context-menu handler opens agent mode with the selection', async () => {
  const opened = launched.context.waitForEvent('page', (page) => page.url().includes('/agent/index.html'));
  await launched.worker.evaluate(async () => {
    const hooks = (globalThis as unknown as { smtpPortAssistant: { openAgentMode(s: string): Promise<string> } }).smtpPortAssistant;
    await hooks.openAgentMode('  mailto:Customer@Example.COM ');
  });
  const page = await opened;
  await expect(page.getByLabel('Email address, domain or server')).toHaveValue('Customer@Example.COM');
});

test('a probe service that is down, and one that rate-limits, are explained in plain words', async () => {
  await setOptions({
    serviceUrl: 'http://127.0.0.1:9',
    profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587], authMethod: 'smtp-auth' },
  });
  let page = await openPopup(launched);
  await page.getByRole('button', { name: 'Check server' }).click();
  // Asked before any check: no Check button that could only fail, and the address that does not answer.
  await expect(page.getByTestId('service-missing')).toContainText('The check service at 127.0.0.1:9 is not answering');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0);
  await page.close();
  // Agent mode: the agent is the helpdesk, so is not sent to ask it.
  const agent = await launched.context.newPage();
  await agent.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
  await expect(agent.getByTestId('service-missing')).toContainText('The check service at 127.0.0.1:9 is not answering');
  await expect(agent.getByTestId('service-missing')).toContainText('tell whoever runs the service');
  await expect(agent.getByTestId('service-missing')).not.toContainText('helpdesk');
  await agent.close();

  const limited = await startProbeService(8590, { RATE_LIMIT_TARGET_PER_MINUTE: '1' });
  try {
    await setOptions({
      serviceUrl: limited.origin,
      profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25], authMethod: 'smtp-auth' },
    });
    page = await openPopup(launched);
    await checkFromPopup(page, 'localhost');
    await expect(page.locator('.ports tr[data-port="25"]').first()).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(/Too many checks in a short time\. Try again in \d+ seconds\./);
    // Until the wait the service asked for has passed, trying again could only be refused again.
    await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeDisabled();
  } finally {
    await limited.stop();
  }
});

test('an internationalised name reads as it was typed, with the xn-- form to type beside it', async () => {
  // The service's own DNS (a loopback server, PROBE_TEST_DNS) points mail.bücher.test at the loopback Postfix.
  const dns = await startZoneDns('mail.xn--bcher-kva.test. 60 IN A 127.0.0.1\n');
  const idn = await startProbeService(8591, { PROBE_TEST_DNS: dns.server });
  try {
    await setOptions({
      serviceUrl: idn.origin,
      profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [587], authMethod: 'smtp-auth' },
    });
    const page = await openPopup(launched);
    await checkFromPopup(page, 'Mail.Bücher.test');
    await expect(page.getByText('Checked mail.bücher.test (mail.xn--bcher-kva.test).')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('recommendation')).toContainText('Use mail.bücher.test (mail.xn--bcher-kva.test), port 587');
    await page.screenshot({ path: 'test-results/popup-check-idn.png', fullPage: true });

    const agent = await launched.context.newPage();
    await agent.setViewportSize({ width: 420, height: 900 });
    await agent.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
    await agent.getByLabel('Email address, domain or server').fill('mail.bücher.test');
    await agent.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(agent.getByTestId('recommendation')).toContainText('port 587', { timeout: 30_000 });
    await agent.getByRole('button', { name: 'Copy reply', exact: true }).click();
    const reply = await readClipboard(launched);
    expect(reply).toContain('We checked the outgoing mail server mail.bücher.test (mail.xn--bcher-kva.test). What we found:');
    expect(reply).toContain(': mail.xn--bcher-kva.test (mail.bücher.test)\n');

    // An address whose domain does not exist: said in the words of an address, and the reply says why there is none.
    await agent.getByLabel('Email address, domain or server').fill('ana@nowhere.test');
    await agent.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(agent.getByRole('alert')).toContainText('nowhere.test has no mail server and no address in DNS; check the spelling of the email address.', { timeout: 30_000 });
    await expect(agent.getByText('The check gave no result, so there is no reply yet: see the reason below, then check again.')).toBeVisible();
    await agent.screenshot({ path: 'test-results/agent-failed-check.png', fullPage: true });
  } finally {
    await idn.stop();
    await dns.close();
  }
});

test('invalid input is explained inline before any request', async () => {
  const page = await openPopup(launched);
  await checkFromPopup(page, 'not a domain!');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Email address, domain or server')).toHaveAttribute('aria-invalid', 'true');
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get('check'));
  expect(stored).toEqual({});
});
