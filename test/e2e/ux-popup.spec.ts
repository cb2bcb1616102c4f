/**
 * The popup, agent mode and the options as a person meets them (issue 12): text size, where focus and
 * scroll go after an action, the check panel without a service, warnings and the result table in the
 * person's language, the picker's search, agent mode's reply, and the options' permissions and import
 * errors. Real Chromium, the built extension, the built probe service and the loopback Postfix.
 */
import { createServer, request as httpRequest } from 'node:http';
import { createConnection, type AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { dispose, EXTENSION_ID, launch, openPopup, type Launched, type LaunchOptions } from './extension';
import { ensurePostfix, startProbeService, type RunningService } from './services';

/** Not the default 8587: the fresh-install test needs that one silent. */
const SERVICE_PORT = 8592;

let service: RunningService;
let launched: Launched | undefined;

test.beforeAll(async () => {
  await ensurePostfix();
  service = await startProbeService(SERVICE_PORT);
});

test.afterAll(async () => {
  await service?.stop();
});

test.afterEach(async () => {
  if (!launched) return;
  await dispose(launched);
  launched = undefined;
});

async function start(options: LaunchOptions = {}, serviceUrl: string | null = service.origin): Promise<Launched> {
  launched = await launch(options);
  if (serviceUrl) await setServiceUrl(launched, serviceUrl);
  return launched;
}

async function setServiceUrl(target: Launched, serviceUrl: string): Promise<void> {
  await target.worker.evaluate(async (url) => {
    await chrome.storage.local.set({
      options: { serviceUrl: url, profile: { name: '', helpDomains: [], outgoingServer: '', allowedPorts: [25, 465, 587], authMethod: 'smtp-auth' } },
    });
  }, serviceUrl);
}

const popupUrl = (target: Launched, page: 'popup' | 'agent' | 'options') => `chrome-extension://${target.extensionId}/src/extension/${page}/index.html`;

async function pick(page: Page, query: string, id: string): Promise<void> {
  await page.locator('#client-search').fill(query);
  await page.locator(`[data-client="${id}"]`).click();
}

/** The check tab, the target, the Check button: by role and id, so it works in both languages. */
async function checkFromPopup(page: Page, target: string): Promise<void> {
  await page.locator('nav.tabs button').nth(1).click();
  await page.locator('#popup-target').fill(target);
  await page.locator('.check-form button[type="submit"]').click();
  await expect(page.locator('.card.recommendation')).toBeVisible({ timeout: 45_000 });
}

/** The smallest text a person can see on the page, and where it is. */
async function smallestText(page: Page): Promise<{ size: number; where: string }> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, where: '' };
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      const shown = element.offsetWidth > 2 && element.offsetHeight > 2 && !element.closest('.visually-hidden');
      const control = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement || element instanceof HTMLSelectElement;
      if ((!ownText && !control) || !shown) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, where: `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 40)}"` };
    }
    return smallest;
  });
}

test('step text and all other text is at least 13 px in the popup, agent mode and the options', async () => {
  const target = await start();
  const popup = await openPopup(target);
  await pick(popup, 'thunderbird', 'thunderbird');
  const stepSize = await popup.locator('.steps label').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(stepSize).toBeGreaterThanOrEqual(13);
  expect((await smallestText(popup)).size, (await smallestText(popup)).where).toBeGreaterThanOrEqual(13);
  await checkFromPopup(popup, 'localhost');
  expect((await smallestText(popup)).size, (await smallestText(popup)).where).toBeGreaterThanOrEqual(13);

  const agent = await target.context.newPage();
  await agent.goto(popupUrl(target, 'agent'));
  await expect(agent.locator('#reply-client')).toBeVisible();
  expect((await smallestText(agent)).size, (await smallestText(agent)).where).toBeGreaterThanOrEqual(13);

  const options = await target.context.newPage();
  await options.goto(popupUrl(target, 'options'));
  await expect(options.locator('#service-url')).toBeVisible();
  expect((await smallestText(options)).size, (await smallestText(options)).where).toBeGreaterThanOrEqual(13);
});

test('"Use these settings" brings the updated card into view, gives it focus and announces it; the table has one row per port', async () => {
  const target = await start();
  const page = await openPopup(target);
  await pick(page, 'thunderbird', 'thunderbird');
  await checkFromPopup(page, 'localhost');
  // localhost answers on 127.0.0.1 and ::1 alike: one row per port, no addresses.
  for (const port of [25, 465, 587]) await expect(page.locator(`.ports tbody tr[data-port="${port}"]`)).toHaveCount(1);
  await expect(page.locator('.ports tbody th .muted')).toHaveCount(0);

  const use = page.locator('.card.recommendation button');
  await use.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await use.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Tested on your server.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('settings-title');
  const box = await page.evaluate(() => {
    const rect = document.activeElement!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
  await expect(page.getByTestId('announcement')).toContainText(/Settings updated: port (587|465) with (STARTTLS|SSL\/TLS) on localhost/);
  expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
  await page.screenshot({ path: 'test-results/popup-settings-updated-en-light.png' });
});

test('picking a client with Enter keeps focus on the chosen client, not the page body', async () => {
  const target = await start();
  const page = await openPopup(target);
  await expect(page.locator('#client-search')).toBeFocused();
  await page.keyboard.type('thunderbird');
  await page.keyboard.press('Enter');
  await expect(page.locator('#client-title')).toHaveText('Mozilla Thunderbird');
  await expect(page.locator('#client-title')).toBeFocused();
  // Tab goes on from there into the page, not back to the top of the document.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Change mail program');
});

test('the picker offers the general entry when nothing matches, and finds programs by mail service', async () => {
  const target = await start();
  const page = await openPopup(target);
  const search = page.locator('#client-search');
  await search.fill('zzzz');
  await expect(page.locator('.picker [role="status"]')).toContainText('No mail program matches “zzzz”');
  const general = page.locator('[data-client="other"]');
  await expect(general).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'test-results/popup-picker-no-match-en-light.png' });

  for (const [query, id] of [['hotmail', 'outlook-new'], ['ana@icloud.com', 'apple-mail'], ['gmail', 'gmail-web'], ['web.de', 'other']] as const) {
    await search.fill(query);
    await expect(page.locator('.client-option').first()).toHaveAttribute('data-client', id);
  }
  await expect(page.getByTestId('service-hint')).toContainText('WEB.DE is where your mail is kept');

  await search.fill('zzzz');
  await search.press('Enter');
  await expect(page.locator('#client-title')).toHaveText('Other mail program');
  await expect(page.locator('#client-title')).toBeFocused();
});

async function defaultPortSilent(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 8587 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('without a check service the check panel says what it needs and links to the options instead of offering a Check that fails', async () => {
  expect(await defaultPortSilent(), 'something answers on 127.0.0.1:8587; this test needs the default service address silent').toBe(true);
  // A fresh install: no options stored, the built-in address, nothing there.
  const target = await start({}, null);
  const page = await openPopup(target);
  await page.getByRole('button', { name: 'Check server' }).click();
  const notice = page.getByTestId('service-missing');
  await expect(notice).toContainText("Checking a server needs your helpdesk's check service");
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ask the service again' })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const opened = target.context.waitForEvent('page', (other) => other.url().includes('/options/index.html'));
  await notice.getByRole('link', { name: 'Open the options' }).click();
  await opened;

  // An address from the options (or a policy) that does not answer: named, and asked again on request.
  await setServiceUrl(target, 'http://127.0.0.1:9');
  await page.reload();
  await expect(notice).toContainText('The check service at 127.0.0.1:9 is not answering');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0);
  await setServiceUrl(target, service.origin);
  await page.getByRole('button', { name: 'Ask the service again' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
});

test('a Check pressed while the service is still being asked starts once it answers, and focus stays on the button', async () => {
  // The service's health route answers only after 1.5 s (a distant service); everything else is passed through.
  const slow = createServer((request, response) => {
    const forward = () => {
      const upstream = httpRequest(`${service.origin}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    };
    if (request.url?.startsWith('/healthz')) setTimeout(forward, 1500);
    else forward();
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  try {
    const target = await start({}, `http://127.0.0.1:${(slow.address() as AddressInfo).port}`);
    const page = await openPopup(target);
    await page.getByRole('button', { name: 'Check server' }).click();
    await page.locator('#popup-target').fill('localhost');
    await page.locator('#popup-target').press('Enter');
    await expect(page.getByTestId('check-queued')).toHaveText('Connecting to the check service; your check starts as soon as it answers.');
    await expect(page.getByTestId('recommendation')).toContainText(/port (587|465)/, { timeout: 45_000 });
    await expect(page.getByTestId('check-queued')).toHaveCount(0);

    // A click on Check keeps keyboard focus on the button while the check runs.
    const button = page.locator('.check-form button[type="submit"]');
    await button.click();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
    await expect(button).not.toHaveAttribute('aria-disabled', 'true', { timeout: 45_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
  } finally {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  }
});

test('what is typed into the check field and not checked survives a switch to the checklist and the popup closing', async () => {
  const target = await start();
  let page = await openPopup(target);
  await page.getByRole('button', { name: 'Check server' }).click();
  await page.locator('#popup-target').pressSequentially('mail.example.org');
  await page.getByRole('button', { name: 'Checklist' }).click();
  await page.getByRole('button', { name: 'Check server' }).click();
  await expect(page.locator('#popup-target')).toHaveValue('mail.example.org');
  // Esc closes the popup at once; what was typed is there when it opens again.
  await page.locator('#popup-target').press('End');
  await page.locator('#popup-target').pressSequentially('.uk');
  const closed = page.waitForEvent('close');
  // The popup closes itself while the key is still being pressed.
  await page.keyboard.press('Escape').catch(() => undefined);
  await closed;
  page = await openPopup(target);
  await expect(page.locator('#popup-target')).toHaveValue('mail.example.org.uk');
  // A help page's pattern kept as a draft is still questioned before it is checked.
  await page.locator('#popup-target').fill('mail.yourdomain.com');
  await page.getByRole('button', { name: 'Checklist' }).click();
  await page.getByRole('button', { name: 'Check server' }).click();
  await expect(page.locator('#popup-target')).toHaveValue('mail.yourdomain.com');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(page.locator('#popup-target-error')).toContainText('mail.yourdomain.com');
});

test('with a service that answers, the Check button is there from the start', async () => {
  const target = await start();
  const page = await openPopup(target);
  await page.getByRole('button', { name: 'Check server' }).click();
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  await expect(page.getByTestId('service-missing')).toHaveCount(0);
});

test('the Spanish popup words the service\'s warnings in Spanish', async () => {
  const target = await start({ locale: 'es' });
  const page = await openPopup(target);
  await checkFromPopup(page, 'localhost');
  const items = page.locator('.warnings li');
  await expect(items.first()).toBeVisible();
  const stored = (await target.worker.evaluate(() => chrome.storage.session.get('check'))) as { check: { report: { warnings: { code: string; message: string }[] } } };
  const warnings = stored.check.report.warnings;
  expect(warnings.length).toBeGreaterThan(0);
  await expect(items).toHaveCount(warnings.length);
  for (const [index, warning] of warnings.entries()) {
    const text = (await items.nth(index).textContent()) ?? '';
    expect(text).not.toBe(warning.message);
    expect(text, text).not.toMatch(/\b(the|and|port|server|certificate|mail|login|offers|receiving)\b/i);
  }
  expect(await page.locator('.card.recommendation').textContent()).not.toMatch(/\bMX\b/);
  // Nor as a tooltip: the service's per-port sentences are English.
  await expect(page.locator('.ports tr[title]')).toHaveCount(0);
});

test('the Spanish popup says in Spanish why the service would not check a target, not in the service\'s English', async () => {
  const target = await start({ locale: 'es' });
  const page = await openPopup(target);
  await page.locator('nav.tabs button').nth(1).click();
  // A name with no address: the service answers 400 with an English sentence.
  await page.locator('#popup-target').fill('nothing-here.invalid');
  await page.locator('.check-form button[type="submit"]').click();
  const error = page.locator('.check-result .card.error');
  await expect(error).toHaveText('El servicio de comprobación no encontró nada que comprobar: el nombre no tiene dirección o no es el de un servidor de correo. Revise cómo está escrito.', { timeout: 45_000 });
  await expect(error).not.toContainText(/\b(has|address|check the spelling)\b/i);
});

test('the Spanish popup says in Spanish why a typed server is refused, and nothing is sent', async () => {
  const target = await start({ locale: 'es' });
  const page = await openPopup(target);
  await page.locator('nav.tabs button').nth(1).click();
  await page.locator('#popup-target').fill('smtp.example.com:587');
  await page.locator('.check-form button[type="submit"]').click();
  const error = page.locator('#popup-target-error');
  await expect(error).toHaveText('Quite el puerto: la comprobación prueba por sí sola los puertos 25, 465 y 587.');
  await expect(page.locator('#popup-target')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#popup-target').fill('https://mail.example.com');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(error).toContainText('sin «https://»');
  expect(await target.worker.evaluate(() => chrome.storage.session.get('check'))).toEqual({});
});

test('a help page\'s pattern host typed into the check is questioned once, then checked if asked again', async () => {
  const target = await start();
  const page = await openPopup(target);
  await page.locator('nav.tabs button').nth(1).click();
  const error = page.locator('#popup-target-error');
  const checked = () => target.worker.evaluate(() => chrome.storage.session.get('check').then((stored) => (stored.check as { input?: string } | undefined)?.input ?? null));
  // A real server goes straight through.
  await page.locator('#popup-target').fill('mail.harbourview.test');
  await page.locator('.check-form button[type="submit"]').click();
  await expect.poll(checked).toBe('mail.harbourview.test');
  await expect(error).toHaveCount(0);
  await expect(page.locator('.check-form button[type="submit"]')).not.toHaveAttribute('aria-disabled', 'true', { timeout: 60_000 });
  await page.locator('#popup-target').fill('mail.yourdomain.com');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(error).toHaveText(
    "mail.yourdomain.com looks like a help page's pattern, not a real server: put your own domain in its place. To check it as written, press Check again.",
  );
  // A question, not a fault: the field is not marked invalid, and no check started.
  await expect(page.locator('#popup-target')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await checked()).toBe('mail.harbourview.test');
  // Another pattern is asked about afresh.
  await page.locator('#popup-target').fill('someone@xxxx.ne.jp');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(error).toContainText('xxxx.ne.jp looks like');
  await page.locator('#popup-target').fill('mail.yourdomain.com');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(error).toContainText('mail.yourdomain.com looks like');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(error).toHaveCount(0);
  await expect.poll(checked).toBe('mail.yourdomain.com');
});

test('agent mode: the reply comes first, asks for the program until one is chosen, and the choice stays apart from the popup\'s', async () => {
  const target = await start();
  const popup = await openPopup(target);
  await pick(popup, 'iphone', 'ios-mail');
  await popup.close();

  const page = await target.context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(popupUrl(target, 'agent'));
  await page.locator('#agent-target').fill('localhost');
  await page.locator('.check-form button[type="submit"]').click();
  const preview = page.locator('#reply-preview');
  await expect(preview).toHaveValue(/Which mail program do you send with/, { timeout: 45_000 });
  await expect(page.locator('#reply-client')).toHaveValue('');

  const top = (selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const replyTop = await top('.reply');
  expect(replyTop).toBeLessThan(await top('.customer-check'));
  expect(replyTop).toBeLessThan(await top('table.ports'));
  // The preview starts within the first screen.
  expect(await top('#reply-preview')).toBeLessThan(900);

  await page.locator('#reply-client').selectOption('thunderbird');
  await expect(preview).not.toHaveValue(/Which mail program do you send with/);
  await expect(preview).toHaveValue(/Mozilla Thunderbird/);
  const stored = await target.worker.evaluate(() => chrome.storage.local.get(['lastClientId', 'agentClientId']));
  expect(stored).toEqual({ lastClientId: 'ios-mail', agentClientId: 'thunderbird' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const again = await openPopup(target);
  await expect(again.locator('#client-title')).toHaveText('Mail (iPhone and iPad)');
});

test('agent mode: a refused new input puts the last customer\'s result and reply away, and a new check brings them back without "Reply copied"', async () => {
  const target = await start();
  const page = await target.context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(popupUrl(target, 'agent'));
  await page.locator('#agent-target').fill('localhost');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(page.locator('#reply-preview')).toHaveValue(/localhost/, { timeout: 45_000 });
  // Copied or not (headless clipboards vary), the status line now speaks of this reply.
  await page.locator('.reply .actions button').first().click();
  await expect(page.locator('.reply .status')).not.toHaveText('');

  // The next customer's address, mistyped: the error is shown, and nothing of the last customer can be copied.
  await page.locator('#agent-target').fill('hello world!!');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(page.locator('#agent-target-error')).toBeVisible();
  await expect(page.locator('#reply-preview')).toHaveCount(0);
  await expect(page.locator('.reply .actions button')).toHaveCount(0);
  await expect(page.locator('.reply .status')).toHaveText('');
  await expect(page.locator('.check-result')).toHaveCount(0);
  // Nor the command for the last customer's server, nor a setup profile for it.
  await expect(page.locator('[data-testid="customer-command"]')).toHaveCount(0);
  await expect(page.getByText(/Setup profile for the customer/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/agent-refused-input.png', fullPage: true });

  // Typed right, the check runs and its own reply appears, not yet copied.
  await page.locator('#agent-target').fill('localhost');
  await page.locator('.check-form button[type="submit"]').click();
  await expect(page.locator('#reply-preview')).toHaveValue(/localhost/, { timeout: 45_000 });
  await expect(page.locator('.check-result')).toBeVisible();
  await expect(page.locator('[data-testid="customer-command"]')).toContainText('localhost');
  await expect(page.locator('.reply .status')).toHaveText('');
});

/** Host permissions as Chromium records them once the person accepted the prompt (it cannot be clicked from a test). */
async function grantHosts(profile: string, origins: string[]): Promise<void> {
  const file = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const settings = preferences.extensions.settings[EXTENSION_ID]!;
  for (const key of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    const entry = (settings[key] ??= {});
    entry.explicit_host = [...new Set([...(entry.explicit_host ?? []), ...origins])];
  }
  await writeFile(file, JSON.stringify(preferences));
}

test('options: imported help domains without permission get "Allow on these sites"; a bad file says where and what; Import has a focus ring', async () => {
  let target = await start();
  let page = await target.context.newPage();
  await page.goto(popupUrl(target, 'options'));
  await expect(page.getByTestId('sites-missing')).toHaveCount(0);

  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "smtp-port-assistant-settings"\n  "version": 1\n}') });
  await expect(page.getByRole('alert')).toHaveText('Import failed, nothing was changed: line 3, column 3: a comma is missing between two entries.');
  await page.locator('#import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('only some notes') });
  await expect(page.getByRole('alert')).toContainText('this is not a settings file');
  await expect(page.getByRole('alert')).not.toContainText('Unexpected token');

  await page.locator('#import-file').setInputFiles({
    name: 'desk.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, serviceUrl: service.origin, profile: { name: 'Desk', helpDomains: ['help.example.org', 'mail.example.org'] } })),
  });
  await expect(page.getByText('Settings imported.')).toBeVisible();
  const missing = page.getByTestId('sites-missing');
  await expect(missing.locator('li')).toHaveText(['help.example.org', 'mail.example.org']);
  await expect(missing.getByRole('button', { name: 'Allow on these sites' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Keyboard focus on the hidden file input draws the ring on "Import settings…".
  await page.locator('#import-file').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#import-file')).toBeFocused();
  const ring = await page.locator('label[for="import-file"]').evaluate((element) => getComputedStyle(element).outlineStyle + ' ' + getComputedStyle(element).outlineWidth);
  expect(ring).toBe('solid 3px');

  // Once the browser has granted one of them, only the other is listed.
  const profile = target.profile;
  await target.close();
  await grantHosts(profile, ['https://help.example.org/*', 'http://help.example.org/*']);
  target = launched = await launch({ profile });
  page = await target.context.newPage();
  await page.goto(popupUrl(target, 'options'));
  await expect(page.getByTestId('sites-missing').locator('li')).toHaveText(['mail.example.org']);
});

for (const locale of ['en', 'es'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every changed screen, ${locale} ${colorScheme}: axe finds nothing, and a screenshot for a person to look at`, async () => {
      const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `test-results/ux-${name}-${locale}-${colorScheme}.png`, fullPage });
      const axe = async (page: Page, screen: string) => expect((await new AxeBuilder({ page }).analyze()).violations, screen).toEqual([]);
      const target = await start({ locale, colorScheme }, null);

      const popup = await openPopup(target);
      await popup.locator('#client-search').fill('hotmail');
      await expect(popup.getByTestId('service-hint')).toBeVisible();
      await axe(popup, 'picker, service');
      await shot(popup, 'picker-service');
      await popup.locator('#client-search').fill('zzzz');
      await expect(popup.locator('[data-client="other"]')).toBeVisible();
      await axe(popup, 'picker, no match');
      await shot(popup, 'picker-no-match');

      await pick(popup, 'thunderbird', 'thunderbird');
      await popup.locator('nav.tabs button').nth(1).click();
      await expect(popup.getByTestId('service-missing')).toBeVisible();
      await axe(popup, 'check, no service');
      await shot(popup, 'check-no-service');

      await setServiceUrl(target, service.origin);
      await popup.reload();
      await popup.locator('#popup-target').fill('localhost');
      await popup.locator('.check-form button[type="submit"]').click();
      await expect(popup.locator('.card.recommendation')).toBeVisible({ timeout: 45_000 });
      await axe(popup, 'check result');
      // The result table fits the 380 px popup in both languages: nothing to scroll sideways.
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
      await shot(popup, 'check-result');
      await popup.locator('.card.recommendation button').click();
      await expect(popup.locator('#settings-title')).toBeFocused();
      await axe(popup, 'settings updated');
      await shot(popup, 'settings-updated', false);

      const agent = await target.context.newPage();
      await agent.setViewportSize({ width: 420, height: 900 });
      await agent.goto(popupUrl(target, 'agent'));
      await agent.locator('#agent-target').fill('localhost');
      await agent.locator('.check-form button[type="submit"]').click();
      await expect(agent.locator('#reply-preview')).toBeVisible({ timeout: 45_000 });
      await axe(agent, 'agent');
      await shot(agent, 'agent', false);

      const options = await target.context.newPage();
      await options.goto(popupUrl(target, 'options'));
      await options.locator('#import-file').setInputFiles({
        name: 'desk.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, serviceUrl: service.origin, profile: { name: 'Desk', helpDomains: ['help.example.org'] } })),
      });
      await expect(options.getByTestId('sites-missing')).toBeVisible();
      await options.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": 1,\n}') });
      await expect(options.getByRole('alert')).toBeVisible();
      await axe(options, 'options');
      await shot(options, 'options');
    });
  }
}
