/**
 * "Is it my network?" end to end: the built extension in Chromium, the probe service on loopback, and the
 * real local helper (the built CLI in --native-host mode) installed into the test profile's
 * NativeMessagingHosts folder with install-host. The customer's different network is simulated on the
 * helper's side only (src/cli/test-network.ts): port 25 filtered, or port 465 answered by a mail shield.
 */
import { execFile } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { certificateWorkshop, type CertificateWorkshop } from '../helpers/smtp-certs';
import { mailShield } from '../helpers/smtp-fixtures';
import { startZoneDns } from '../helpers/zone-dns';
import { dispose, launch, openPopup, type Launched, type LaunchOptions } from './extension';
import { ensurePostfix, startProbeService, type RunningService } from './services';

const CLI = 'build/cli/smtp-probe.js';

let service: RunningService;
let workshop: CertificateWorkshop;
let launched: Launched | undefined;

test.beforeAll(async () => {
  await ensurePostfix();
  // The extension's default service URL, as in check-server.spec.ts.
  service = await startProbeService(8587);
  workshop = certificateWorkshop();
});

test.afterAll(async () => {
  await service?.stop();
  workshop?.cleanUp();
});

test.afterEach(async () => {
  if (!launched) return;
  await dispose(launched);
  launched = undefined;
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** install-host for this profile, the way the README tells a tester to; short timeouts keep the block quick. */
async function installHost(profile: string): Promise<void> {
  const result = await runCli(['install-host', '--browser', 'chromium', '--user-data-dir', profile, '--allow-private', '--timeout-ms', '3000']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain(`${profile}/NativeMessagingHosts/com.smtp_port_assistant.probe.json`);
}

async function start(options: LaunchOptions & { host?: boolean } = {}): Promise<Launched> {
  launched = await launch({ grant: ['nativeMessaging'], ...options });
  if (options.host !== false) await installHost(launched.profile);
  return launched;
}

async function checkLocalhost(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check server' }).click();
  await page.getByLabel('Email address, domain or server').fill('localhost');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}

const row = (page: Page, port: number) => page.locator(`.compare tr[data-port="${port}"]`);

test('without the permission, the check offers to look from this computer too and runs from the internet only', async () => {
  launched = await launch();
  const page = await openPopup(launched);
  await page.getByRole('button', { name: 'Check server' }).click();
  const setup = page.getByTestId('local-setup');
  await expect(setup).toHaveAttribute('data-state', 'off');
  await expect(setup).toContainText('See whether your own network blocks a port');
  await expect(setup.getByRole('button', { name: 'Turn on' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  expect(await launched.worker.evaluate(() => chrome.permissions.contains({ permissions: ['nativeMessaging'] }))).toBe(false);

  await page.getByLabel('Email address, domain or server').fill('localhost');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  await expect(page.getByTestId('local-status')).toHaveCount(0);
});

test('with the permission but no helper, the popup shows the one install command, and sees the helper once installed', async () => {
  await start({ host: false });
  const page = await openPopup(launched!);
  await page.getByRole('button', { name: 'Check server' }).click();
  const setup = page.getByTestId('local-setup');
  await expect(setup).toHaveAttribute('data-state', 'missing');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await expect(page.getByTestId('install-command')).toHaveText(/^npx --yes --package=smtp-port-assistant smtp-probe install-host --browser (chromium|chrome)$/);

  // A check now still works from the internet and says why the local side is missing.
  await checkLocalhost(page);
  await expect(page.getByTestId('local-status')).toContainText('not installed on this computer', { timeout: 20_000 });
  await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });

  await installHost(launched!.profile);
  await setup.getByRole('button', { name: 'Check again' }).click();
  await expect(setup).toHaveAttribute('data-state', 'ready');
  await expect(setup).toContainText("This computer's own view is checked too.");

  // Turning it off gives the permission back; the next check runs from the internet only.
  await setup.getByRole('button', { name: 'Turn off' }).click();
  await expect(setup).toHaveAttribute('data-state', 'off');
  expect(await launched!.worker.evaluate(() => chrome.permissions.contains({ permissions: ['nativeMessaging'] }))).toBe(false);
  const before = await launched!.worker.evaluate(() => chrome.storage.session.get('check').then((stored) => (stored.check as { id: string }).id));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect
    .poll(() => launched!.worker.evaluate(() => chrome.storage.session.get('check').then((stored) => stored.check as { id: string; status: string; local: unknown })), { timeout: 45_000 })
    .toMatchObject({ status: 'done', local: null });
  expect(await launched!.worker.evaluate(() => chrome.storage.session.get('check').then((stored) => (stored.check as { id: string }).id))).not.toBe(before);
  await expect(page.getByTestId('local-status')).toHaveCount(0);
  await expect(page.getByTestId('comparison')).toHaveCount(0);
});

test('port 25 filtered on the customer\'s network: the popup says the network blocks it and recommends 587', async () => {
  await start({ env: { SMTP_PROBE_TEST_BLOCK_PORTS: '25' } });
  const page = await openPopup(launched!, { width: 380, height: 900 });
  await checkLocalhost(page);
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 45_000 });
  await expect(row(page, 25)).toHaveAttribute('data-verdict', 'blocked-by-network');
  await expect(row(page, 25).locator('.verdict')).toHaveText('Blocked by your network');
  await expect(row(page, 25).locator('td').nth(1)).toHaveText('No answer (blocked or filtered)');
  for (const port of [465, 587]) await expect(row(page, port)).toHaveAttribute('data-verdict', 'open-from-both');
  const summary = page.getByTestId('comparison-summary');
  await expect(summary).toHaveText('Your server answers on 25, 465 and 587, but from your network port 25 times out, so your provider blocks it: use 587.');
  await expect(page.getByTestId('recommendation')).toContainText('port 587, with STARTTLS');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'test-results/popup-local-blocked-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'test-results/popup-local-blocked-dark.png', fullPage: true });
});

test('the recommended port blocked on the customer\'s network: the popup recommends the alternative that gets through', async () => {
  await start({ env: { SMTP_PROBE_TEST_BLOCK_PORTS: '587' } });
  const page = await openPopup(launched!, { width: 380, height: 900 });
  await page.getByRole('searchbox').fill('thunderbird');
  await page.locator('[data-client="thunderbird"]').click();
  await checkLocalhost(page);
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 45_000 });
  await expect(row(page, 587)).toHaveAttribute('data-verdict', 'blocked-by-network');
  await expect(page.getByTestId('comparison-summary')).toHaveText(
    'Your server answers on 25, 465 and 587, but from your network port 587 times out, so your provider blocks it: use 465 instead of 587.',
  );
  await expect(page.getByTestId('recommendation')).toContainText('port 465');
  await expect(page.getByTestId('recommendation-moved')).toHaveText('Port 587 does not get through from your network, so this uses port 465.');
  // "Use these settings" takes the port that works from here into the checklist.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.getByTestId('target-port')).toHaveText('465');
  await expect(page.getByTestId('target-security')).toHaveText('SSL/TLS');
  // 587 works on the server but not from here: it is no fallback.
  await expect(page.getByTestId('target-fallback')).toHaveText('The check found no other port that works for you instead of 465.');
});

test('a Spanish reader is told in Spanish why the check from this computer failed', async () => {
  // The helper's own network has a DNS server that fails for this name (the service's does not know it).
  const dns = await startZoneDns('', { 'mail.servfail.test': 'servfail' });
  try {
    await start({ locale: 'es', env: { SMTP_PROBE_TEST_DNS: dns.server } });
    const page = await openPopup(launched!, { width: 380, height: 900 });
    await page.getByRole('button', { name: 'Comprobar servidor' }).click();
    const field = page.getByLabel('Dirección de correo, dominio o servidor');
    await field.fill('mail.servfail.test');
    await page.getByRole('button', { name: 'Comprobar', exact: true }).click();
    await expect(page.getByTestId('local-status')).toHaveText(
      'La comprobación desde este ordenador no ha podido consultar el nombre del servidor: el DNS de este ordenador ha fallado o no ha respondido. Suele ser pasajero; vuelva a intentarlo dentro de 30 segundos.',
      { timeout: 30_000 },
    );
    // The link-local metadata address: the helper refuses it, and says so in Spanish, not in its English.
    await field.fill('169.254.169.254');
    await page.getByRole('button', { name: 'Comprobar', exact: true }).click();
    await expect(page.getByTestId('local-status')).toHaveText(
      'La comprobación desde este ordenador falló: el asistente no comprueba este destino, porque no es una dirección pública de internet.',
      { timeout: 30_000 },
    );
    await page.screenshot({ path: 'test-results/popup-local-refused-es.png', fullPage: true });
  } finally {
    await dns.close();
  }
});

test('nothing in the way: every port is open from both', async () => {
  await start();
  const page = await openPopup(launched!, { width: 380, height: 900 });
  await checkLocalhost(page);
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 45_000 });
  for (const port of [25, 465, 587]) {
    await expect(row(page, port)).toHaveAttribute('data-verdict', 'open-from-both');
    await expect(row(page, port).locator('.verdict')).toHaveText('Open from both');
  }
  await expect(page.getByTestId('comparison-summary')).toHaveText('Your server answers on 25, 465 and 587 from the internet and from your network alike: use 587.');

  // A local side still "running" long after the browser's own timeout (its worker was stopped) is
  // reported as unanswered when the popup opens again, not left spinning.
  await launched!.worker.evaluate(async () => {
    const { check } = (await chrome.storage.session.get('check')) as { check: { startedAt: number; local: unknown } };
    check.startedAt -= 10 * 60_000;
    check.local = { status: 'running', report: null, error: null };
    await chrome.storage.session.set({ check });
  });
  await page.close();
  const again = await openPopup(launched!, { width: 380, height: 900 });
  await expect(again.getByTestId('local-status')).toHaveText('The check from this computer failed: the helper did not answer in time.');
  await expect(again.getByTestId('comparison')).toHaveCount(0);
});

test('a finished check outlives the extension restart that Chrome needs after "Turn on"', async () => {
  const l = await launch({ developerMode: true });
  launched = l;
  let page = await openPopup(l, { width: 380, height: 900 });
  await checkLocalhost(page);
  await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });
  const recommendation = await page.getByTestId('recommendation').textContent();
  // Chrome restarts the extension after a run-time grant of nativeMessaging (background/restart.ts), and a
  // restart clears storage.session: the finished check carried in storage.local is back when the popup opens.
  await l.worker.evaluate(async () => {
    const { check } = await chrome.storage.session.get('check');
    await chrome.storage.local.set({ carriedCheck: { savedAt: Date.now(), check } });
  });
  // The restart closes the extension's pages; a plain tab keeps the browser open meanwhile and then loads
  // the popup again once the extension is back (a few seconds).
  page = await l.context.newPage();
  await page.setViewportSize({ width: 380, height: 900 });
  const stopped = new Promise((resolve) => l.worker.once('close', resolve));
  await l.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await stopped;
  const popupUrl = `chrome-extension://${l.extensionId}/src/extension/popup/index.html`;
  await expect.poll(() => page.goto(popupUrl).then(() => true, () => false), { timeout: 30_000, intervals: [1000] }).toBe(true);
  l.worker = l.context.serviceWorkers()[0] ?? (await l.context.waitForEvent('serviceworker'));
  await expect(page.getByTestId('recommendation')).toHaveText(recommendation!);
  expect(await l.worker.evaluate(() => chrome.storage.local.get('carriedCheck').then((stored) => stored.carriedCheck))).toBeNull();
});

test('a mail shield answering port 465 with its own certificate reads as intercepted', async () => {
  const shield = await mailShield(workshop);
  try {
    await start({ env: { SMTP_PROBE_TEST_REDIRECT: `465=127.0.0.1:${shield.port}` } });
    const page = await openPopup(launched!, { width: 380, height: 900 });
    await checkLocalhost(page);
    await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 45_000 });
    await expect(row(page, 465)).toHaveAttribute('data-verdict', 'intercepted');
    await expect(row(page, 465).locator('.verdict')).toHaveText('Intercepted');
    await expect(row(page, 587)).toHaveAttribute('data-verdict', 'open-from-both');
    await expect(page.getByTestId('comparison')).toContainText('greets as mail-shield.test instead of');
    await expect(page.getByTestId('comparison-summary')).toContainText("on port 465 something on your network (an antivirus program or your provider's proxy) answers in your server's place");
    expect(shield.connections).toBeGreaterThan(0);
  } finally {
    await shield.close();
  }
});

/** Agent mode in a fresh browser, with localhost checked through the service and a recommendation shown. */
async function agentCheckedLocalhost(): Promise<Page> {
  launched = await launch();
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 420, height: 1200 });
  await page.goto(`chrome-extension://${launched.extensionId}/src/extension/agent/index.html`);
  await page.getByLabel('Email address, domain or server').fill('localhost');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });
  return page;
}

test('agent mode gives the command for the customer and compares the result they paste back', async () => {
  const page = await agentCheckedLocalhost();
  await expect(page.getByTestId('customer-command')).toHaveText('npx --yes --package=smtp-port-assistant smtp-probe localhost --no-discovery --json');

  const field = page.getByLabel("What the customer's command printed");
  const compare = page.getByRole('button', { name: 'Compare' });
  await field.fill('it says connection timed out');
  await compare.click();
  await expect(page.getByRole('alert')).toContainText("That is not the command's result");
  await field.fill('{"server": "localhost", "ports": "all fine"}');
  await compare.click();
  await expect(page.getByRole('alert')).toContainText('not a report from smtp-probe --json');

  // What the customer's terminal shows, prompt and command included, from a network that filters port 25.
  const customer = await runCli(['localhost', '--no-discovery', '--json', '--allow-private', '--timeout-ms', '3000'], { SMTP_PROBE_TEST_BLOCK_PORTS: '25' });
  expect(customer.stdout.trim().startsWith('{')).toBe(true);
  await field.fill(`$ npx --yes --package=smtp-port-assistant smtp-probe localhost --no-discovery --json\n${customer.stdout}\n$ `);
  await compare.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(row(page, 25)).toHaveAttribute('data-verdict', 'blocked-by-network');
  await expect(row(page, 587)).toHaveAttribute('data-verdict', 'open-from-both');
  await expect(page.locator('.compare thead')).toContainText('From the customer');
  const reply = page.locator('#reply-preview');
  await expect(reply).toHaveValue(/Checked from your own network:\n- Port 25: blocked by your network \(your internet provider or a firewall stops it\)\n/);
  await expect(reply).toHaveValue(/- Port 587: gets through from your network too/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'test-results/agent-customer-compare.png', fullPage: true });
});

test("agent mode says why the customer's command failed, from what it printed", async () => {
  // The customer's network has a DNS server that fails for the name; the agent's service resolves it.
  const dns = await startZoneDns('', { 'mail.servfail.test': 'servfail' });
  try {
    const page = await agentCheckedLocalhost();

    // What the customer's terminal shows: the real CLI's error document on stdout and its sentence on stderr.
    const customer = await runCli(['mail.servfail.test', '--no-discovery', '--json', '--allow-private'], { SMTP_PROBE_TEST_DNS: dns.server });
    expect(customer.code).toBe(4);
    const field = page.getByLabel("What the customer's command printed");
    await field.fill(`$ npx --yes --package=smtp-port-assistant smtp-probe localhost --no-discovery --json\n${customer.stdout}${customer.stderr}$ `);
    await page.getByRole('button', { name: 'Compare' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("The customer's computer could not look up localhost: its DNS failed or did not answer, so no port was checked.");
    await expect(page.getByTestId('customer-said')).toContainText('The command\'s own words: “');
    await expect(page.getByTestId('customer-said')).toContainText('SERVFAIL');
    await expect(page.getByTestId('comparison')).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: 'test-results/agent-customer-dns-failed.png', fullPage: true });

    // A customer without Node.js pastes what their shell said.
    await field.fill('PS C:\\Users\\ana> npx --yes --package=smtp-port-assistant smtp-probe localhost --no-discovery --json\nnpx : The term \'npx\' is not recognized as the name of a cmdlet, function, script file, or operable program.');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(alert).toHaveText(
      "The command could not start on the customer's computer: npx was not found, so Node.js is not installed. Ask them to install Node.js 20.19 or later from nodejs.org, open a new terminal and run the command again.",
    );
    await expect(page.getByTestId('customer-said')).toHaveCount(0);
  } finally {
    await dns.close();
  }
});
