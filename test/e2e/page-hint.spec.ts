import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';
import { dispose, launch, type Launched } from './extension';

let pages: StaticServer;
let e2e: StaticServer;
/** The same files from another origin (another port): a frame of another site. */
let elsewhere: StaticServer;
let launched: Launched;
let extensionErrors: string[];

test.beforeAll(async () => {
  pages = await serveFolder(resolve('test/fixtures/pages'));
  e2e = await serveFolder(resolve('test/fixtures/e2e'), 0, 'spa/index.html');
  elsewhere = await serveFolder(resolve('test/fixtures/e2e'));
});

test.afterAll(async () => {
  await pages?.close();
  await e2e?.close();
  await elsewhere?.close();
});

test.beforeEach(async () => {
  launched = await launch();
  extensionErrors = [];
  launched.context.on('weberror', (error) => extensionErrors.push(String(error.error())));
});

test.afterEach(async () => {
  await dispose(launched);
});

async function open(url: string): Promise<Page> {
  const page = await launched.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /chrome-extension:|SMTP Port Assistant/.test(message.text() + message.location().url)) {
      extensionErrors.push(message.text());
    }
  });
  await page.goto(url);
  return page;
}

/** The extension's errors, without those of the Roundcube fixture's own script, which calls its webmail's app, absent here. */
const extensionErrorsBesideTheWebmailsOwn = (): string[] => extensionErrors.filter((error) => !error.includes('rcmail is not defined'));

const hint = (page: Page) => page.locator('smtp-port-assistant-hint aside');

/** Open the hint's full note (it starts as one line). */
async function expand(page: Page): Promise<void> {
  const toggle = hint(page).locator('button.toggle');
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

test('an article gets the banner with its server and mail client; the badge marks the page', async () => {
  await launched.context.newPage();
  const page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page)).toContainText('This page is about outgoing mail settings');
  await expect(hint(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' })).toBeVisible();
  await expect(hint(page)).toContainText(/smtp\.[a-z.-]+/);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(1);
  // The extension cannot read tab URLs (no "tabs" permission), so look at the badge of every tab:
  // only the article's tab is marked.
  const badges = await launched.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id! })));
  });
  expect(badges.filter((text) => text === '✓')).toHaveLength(1);
  await page.screenshot({ path: 'test-results/page-hint-article.png' });
  expect(extensionErrors).toEqual([]);
});

test("a help article between a cookie notice and a long footer of the host's products, all plain <div>s, still gets the banner", async () => {
  const page = await open(`${pages.origin}/real-shapes/en-hosting-kb-div-footer-products.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page)).toContainText('This page is about outgoing mail settings');
  await expect(hint(page)).toContainText('smtp.copperlane-hosting.example');
  await page.screenshot({ path: 'test-results/page-hint-div-footer.png', fullPage: true });
  expect(extensionErrors).toEqual([]);
});

test('an account page gets the note beside its settings with a Check action for the extracted server', async () => {
  const page = await open(`${pages.origin}/en-cpanel-mail-client-manual-settings.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  // The page recommends 465 with SSL/TLS: the hint says so rather than naming another port.
  await expect(hint(page)).toContainText('port 465 with SSL/TLS, is the right one');
  await expect(hint(page).getByRole('button', { name: /^Check [a-z0-9.-]+\.[a-z]+$/ })).toBeVisible();
  // Beside the settings as an overlay, taking no space in the page's flow (see page-hint-layout.spec.ts).
  const position = await page.locator('smtp-port-assistant-hint').evaluate((element) => getComputedStyle(element).position);
  expect(position).toBe('absolute');
  await page.screenshot({ path: 'test-results/page-hint-account.png' });
  expect(extensionErrors).toEqual([]);
});

test('a panel that shows a mailbox\'s settings as text blocks, a required star between label and value, gets the note with its server', async () => {
  const page = await open(`${pages.origin}/real-shapes/pt-painel-conta-blocos-estrela.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page).getByRole('button', { name: 'Check smtp.sabia-hospedagem.example' })).toBeVisible();
  await expect(hint(page)).toContainText('465');
  // The note of an account page, beside its settings; an article's banner would sit at the top in the page's flow.
  expect(await page.locator('smtp-port-assistant-hint').evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
  await page.screenshot({ path: 'test-results/page-hint-account-blocks.png' });
  expect(extensionErrors).toEqual([]);
});

test("a sender form whose title, heading and address name neither mail nor settings gets the account note: its reply-to and Bcc fields carry it past the bootstrap's pre-check", async () => {
  const page = await open(`${pages.origin}/real-shapes/en-sender-details-bcc.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  // No server on the form: the note offers to check the reader's own and names the submission port.
  await expect(hint(page).getByRole('button', { name: 'Check my server' })).toBeVisible();
  await expect(hint(page)).toContainText('587');
  // What the tab's report says of it: an account page, with no setting shown.
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
  const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { kind: string });
  expect(classified.map((entry) => entry.kind)).toEqual(['account']);
  await page.screenshot({ path: 'test-results/page-hint-account-sender-form.png' });
  expect(extensionErrors).toEqual([]);
});

test("an identity form drawn by Ant Design, its port six wrappers from its label, gets the note with server, port and security", async () => {
  // Served at the path it was saved from (on a host the content script runs on): a webmail's settings route is
  // part of what says "account".
  const html = readFileSync(resolve('test/fixtures/pages/real-shapes/es-webmail-identidad-antd-puerto.html'), 'utf8');
  const address = `${pages.origin}${new URL(/saved from url=\(\d+\)(\S+) -->/.exec(html)![1]!).pathname}`;
  await launched.context.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await open(address);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page).getByRole('button', { name: 'Check envio.libreria-candela.example' })).toBeVisible();
  await expect(hint(page)).toContainText('465');
  // What the popup prefills its check from: all three settings of the form.
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
  const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { settings: { outgoingServer: string | null; port: number | null } });
  expect(classified.map((entry) => entry.settings)).toEqual([{ outgoingServer: 'envio.libreria-candela.example', port: 465, security: 'tls' }]);
  await page.screenshot({ path: 'test-results/page-hint-account-antd.png' });
  expect(extensionErrors).toEqual([]);
});

for (const [file, server, port, security, shot] of [
  // Fields labelled only "Address", nothing (the port) and "Secure", told apart by their fieldsets' legends.
  ['en-webmail-dialog-legend-values.html', 'smtp.fernhill-post.example', 587, 'starttls', 'page-hint-account-legend-values.png'],
  // The identity's own outgoing server written as one URL, tls://host:587.
  ['en-webmail-identity-smtp-url.html', 'smtp.quarrybank.example', 587, 'starttls', 'page-hint-account-smtp-url.png'],
  // An unticked "own outgoing server" block hidden with its default port 25; the company's server shown as rows.
  ['en-crm-profile-mail-hidden-own-server.html', 'smtp.larchmere.example', 587, 'starttls', 'page-hint-account-hidden-own-server.png'],
  // A CRM user's own sender with a reply-to, a signature and a test-mail field: a person's identity, not the application's.
  ['en-crm-user-mail-test-send-signature.html', 'smtp.harbourline.example', 587, 'starttls', 'page-hint-account-crm-test-send.png'],
  // A help desk's SMTP card under its own heading, its host in a field labelled only "Address".
  ['en-helpdesk-inbox-address-cards.html', 'smtp.lindenrow.example', 587, 'starttls', 'page-hint-account-section-address.png'],
  // "Server", "Port" and "Security type" with no direction, above a block that names the IMAP server.
  ['en-crm-mail-account-server-above-imap.html', 'mail.quayside-tools.example', 465, 'tls', 'page-hint-account-server-above-imap.png'],
] as const) {
  test(`an account screen whose labels name no setting (${file}) gets the note with server, port and security read as a person reads them`, async () => {
    const page = await open(`${pages.origin}/real-shapes/${file}`);
    await expect(hint(page)).toBeVisible();
    await expand(page);
    await expect(hint(page).getByRole('button', { name: `Check ${server}` })).toBeVisible();
    await expect(hint(page)).toContainText(String(port));
    // The open note, with room beside the form, lies over none of its fields and buttons.
    const covered = await page.evaluate(() => {
      const note = document.querySelector('smtp-port-assistant-hint')!.getBoundingClientRect();
      return [...document.querySelectorAll('input, select, textarea, button')]
        .map((control) => [control, control.getBoundingClientRect()] as const)
        .filter(([, box]) => box.width > 0 && box.left < note.right && box.right > note.left && box.top < note.bottom && box.bottom > note.top)
        .map(([control]) => control.id || control.tagName.toLowerCase());
    });
    expect(covered).toEqual([]);
    // What the popup prefills its check from.
    const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
    const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { settings: unknown });
    expect(classified.map((entry) => entry.settings)).toEqual([{ outgoingServer: server, port, security }]);
    await page.screenshot({ path: `test-results/${shot}` });
    expect(extensionErrors).toEqual([]);
  });
}

test("a page whose servers are a pattern shows it as the page's pattern and offers to check the reader's own server", async () => {
  const page = await open(`${pages.origin}/real-shapes/en-hosting-kb-yourdomain-pattern.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page)).toContainText("The page's pattern for the outgoing server (put your own details in it): mail.yourdomain.com:587");
  await expect(hint(page).getByRole('button', { name: 'Check my server' })).toBeVisible();
  await expect(hint(page).getByRole('button', { name: /mail\.yourdomain\.com/ })).toHaveCount(0);
  // What the popup prefills its check and checklist from: the page's port, never the pattern's host.
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
  const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { settings: { outgoingServer: string | null; port: number | null } });
  expect(classified.map((entry) => entry.settings)).toEqual([{ outgoingServer: null, port: 587, security: 'starttls' }]);
  await page.screenshot({ path: 'test-results/page-hint-pattern.png' });
  expect(extensionErrors).toEqual([]);
});

test("a host's guide whose server names carry the reader's account in brackets, set in italics, shows that pattern whole", async () => {
  const page = await open(`${pages.origin}/real-shapes/fr-docs-hebergeur-thunderbird-compte-entre-crochets.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page)).toContainText("The page's pattern for the outgoing server (put your own details in it): smtp-[compte].kestrel-hebergement.example:465");
  await expect(hint(page).getByRole('button', { name: 'Check my server' })).toBeVisible();
  await expect(hint(page).getByRole('button', { name: /kestrel-hebergement/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/page-hint-pattern-brackets.png' });
  expect(extensionErrors).toEqual([]);
});

test('a translated mail-program guide cut short before any server word gets the note all the same', async () => {
  // The pre-check lets it through by the program named twice, and the article gate opens for the same reason.
  const page = await open(`${pages.origin}/real-shapes/es-guia-thunderbird-cortada.html`);
  await expect(hint(page)).toBeVisible();
  await expand(page);
  await expect(hint(page).getByRole('button', { name: 'Check my server' })).toBeVisible();
  await expect(hint(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' })).toBeVisible();
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
  const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { settings: { outgoingServer: string | null } });
  expect(classified.map((entry) => entry.settings.outgoingServer)).toEqual([null]);
  await page.screenshot({ path: 'test-results/page-hint-guide-cut-short.png' });
  expect(extensionErrors).toEqual([]);
});

// Five are applications' own SMTP forms (the pre-check loads the classifier, whose account gate then stays shut), one a cloud's port-25 rule
// for its virtual machines, one an application's help on its own outgoing server (told by its "Test server" button).
for (const nearMiss of ['en-router-port-forwarding.html', 'de-router-portfreigabe.html', 'en-hosting-change-ssh-port.html', 'real-shapes/en-chat-admin-smtp-console.html', 'real-shapes/en-sso-realm-email-noreply.html', 'real-shapes/de-community-admin-mail-transport-typ.html', 'real-shapes/ja-newsletter-app-smtp-helo.html', 'real-shapes/ru-status-page-mail-driver.html', 'real-shapes/en-cloud-vm-port-25-policy.html', 'real-shapes/en-school-software-smtp-test-server.html']) {
  test(`no hint on the near miss ${nearMiss}`, async () => {
    const page = await open(`${pages.origin}/${nearMiss}`);
    // Longer than the bootstrap's settle and late-look delays.
    await page.waitForTimeout(2500);
    await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  });
}

test('dismissing the hint is remembered for the site after a reload', async () => {
  const page = await open(`${pages.origin}/en-isp-port-25-blocked.html`);
  await expand(page);
  await hint(page).getByRole('button', { name: 'Hide on this site' }).click();
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(2500);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  const stored = await launched.worker.evaluate(() => chrome.storage.local.get('dismissedSites'));
  expect(stored.dismissedSites).toEqual(['127.0.0.1']);
});

test('aggressive page CSS neither hides nor restyles the hint', async () => {
  const page = await open(`${e2e.origin}/hostile-article.html`);
  const host = page.locator('smtp-port-assistant-hint');
  await expect(hint(page)).toBeVisible();
  // Folded to one line it is still a real, clickable button; open, a real note.
  let box = await host.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(20);
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(38);
  await expand(page);
  box = await host.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
  expect(box?.height ?? 0).toBeGreaterThan(60);
  const button = hint(page).locator('.actions button').first();
  const style = await button.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { color: computed.color, fontSize: computed.fontSize, display: computed.display };
  });
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  expect(style.fontSize).toBe('14px');
  expect(style.display).not.toBe('none');
  await page.screenshot({ path: 'test-results/page-hint-hostile-css.png' });
});

test("the hint takes the page's light or dark, not the reader's system setting", async () => {
  const background = (page: Page) => hint(page).evaluate((element) => getComputedStyle(element).backgroundColor);
  // The reader's system is dark; the help centre is white.
  await dispose(launched);
  launched = await launch({ colorScheme: 'dark' });
  let page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expand(page);
  expect(await background(page)).toBe('rgb(255, 255, 255)');
  // The page switches to a dark theme of its own after loading (in a colour syntax of CSS Color 4): the hint follows.
  await page.evaluate(() => {
    document.body.style.background = 'oklch(0.2 0.01 260)';
    document.body.style.color = '#e0e0e0';
  });
  await expect.poll(() => background(page)).toBe('rgb(22, 25, 29)');
  await page.close();
  // The reader's system is light; this help centre is dark.
  await dispose(launched);
  launched = await launch({ colorScheme: 'light' });
  page = await open(`${e2e.origin}/dark-article.html`);
  await expand(page);
  expect(await background(page)).toBe('rgb(22, 25, 29)');
  await page.screenshot({ path: 'test-results/page-hint-dark-page.png' });
});

/** What the popup would prefill from and what the toolbar shows: every tab's stored page report and marked badge. */
async function tabReports(): Promise<{ servers: Array<string | null>; marked: number }> {
  return launched.worker.evaluate(async () => {
    const stored = await chrome.storage.session.get(null);
    const servers = Object.entries(stored)
      .filter(([key]) => key.startsWith('page:'))
      .map(([, value]) => (value as { settings: { outgoingServer: string | null } }).settings.outgoingServer);
    const tabs = await chrome.tabs.query({});
    const badges = await Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id! })));
    return { servers, marked: badges.filter((text) => text === '✓').length };
  });
}

test('a single-page app navigating between a none page and an article updates the hint, the badge and the report', async () => {
  const page = await open(`${e2e.origin}/spa/`);
  await page.waitForTimeout(2500);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  await page.getByRole('link', { name: 'Outgoing mail settings' }).click();
  await expand(page);
  await expect(hint(page)).toContainText('smtp.acme.test');
  await expect.poll(tabReports).toEqual({ servers: ['smtp.acme.test'], marked: 1 });
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  // The home page is about something else: the popup must not offer the article's server there.
  await expect.poll(tabReports).toEqual({ servers: [], marked: 0 });
  await page.goBack();
  await expect(hint(page)).toBeVisible();
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(1);
  await expect.poll(tabReports).toEqual({ servers: ['smtp.acme.test'], marked: 1 });
  expect(extensionErrors).toEqual([]);
});

test("following a link from an article to another page drops the article's badge and report; going back brings them again", async () => {
  const page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect(hint(page)).toBeVisible();
  await expect.poll(tabReports).toMatchObject({ marked: 1 });
  const [server] = (await tabReports()).servers;
  expect(server).toMatch(/^smtp\.[a-z.-]+$/);
  await page.goto(`${pages.origin}/en-router-port-forwarding.html`);
  await page.waitForTimeout(2500);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  expect(await tabReports()).toEqual({ servers: [], marked: 0 });
  await page.goBack();
  await expect(hint(page)).toBeVisible();
  await expect.poll(tabReports).toEqual({ servers: [server], marked: 1 });
  expect(extensionErrors).toEqual([]);
});

test('a tab discarded under a new id takes its report along even when its page tries not to say it left; a closed tab does too', async () => {
  const kept = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect(hint(kept)).toBeVisible();
  const both = async () => expect.poll(async () => (await tabReports()).servers.sort()).toEqual(['smtp.cloverleaf.example', 'smtp.eastmoor.example']);
  const onlyKept = async () => expect.poll(async () => (await tabReports()).servers).toEqual(['smtp.eastmoor.example']);
  /**
   * An account page whose own script tries to stop every other "pagehide" listener. Discarding its tab
   * then leaves its report behind unless tabs.onReplaced drops it (checked); closing it, Chromium still
   * clears the report without tabs.onRemoved, so that half checks the behaviour only.
   */
  const silentAccount = async () => {
    const page = await open(`${pages.origin}/en-roundcube-smtp-identity.html?_task=settings`);
    await both();
    await page.evaluate(() => addEventListener('pagehide', (event) => event.stopImmediatePropagation(), true));
    return page;
  };
  await (await silentAccount()).close();
  await onlyKept();
  await silentAccount();
  await kept.bringToFront();
  // Discarding gives the tab a new id (tabs.onReplaced); the old id's report must not outlive it.
  await launched.worker.evaluate(async () => {
    // The account's tab, by its report (the extension may not read tabs' addresses).
    const stored = await chrome.storage.session.get(null);
    const [key] = Object.entries(stored).filter(([name, value]) => name.startsWith('page:') && (value as { kind: string }).kind === 'account');
    await chrome.tabs.discard(Number(key![0].slice('page:'.length)));
  });
  await onlyKept();
  expect(extensionErrorsBesideTheWebmailsOwn()).toEqual([]);
});

test('a page back from the back-forward cache, not classified again, says again what it is', async () => {
  await dispose(launched);
  launched = await launch({ backForwardCache: true });
  const page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect(hint(page)).toBeVisible();
  await expect.poll(tabReports).toEqual({ servers: ['smtp.eastmoor.example'], marked: 1 });
  await page.evaluate(() => ((window as { keptInCache?: boolean }).keptInCache = true));
  await page.goto(`${pages.origin}/en-router-port-forwarding.html`);
  await expect.poll(tabReports).toEqual({ servers: [], marked: 0 });
  // Back from the cache the page fires no "load".
  await page.goBack({ waitUntil: 'commit' });
  // The same document, back from the cache: no new content script ran.
  expect(await page.evaluate(() => (window as { keptInCache?: boolean }).keptInCache)).toBe(true);
  await expect(hint(page)).toBeVisible();
  await expect.poll(tabReports).toEqual({ servers: ['smtp.eastmoor.example'], marked: 1 });
  expect(extensionErrors).toEqual([]);
});

test('a report stays while its page does: a frame of another site changing page, the address replaced, the fragment changed', async () => {
  const page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect(hint(page)).toBeVisible();
  const shown = { servers: ['smtp.eastmoor.example'], marked: 1 };
  await expect.poll(tabReports).toEqual(shown);
  // An advertisement's frame going from page to page: Chromium says "loading" for each.
  await page.evaluate((origin) => {
    const frame = document.createElement('iframe');
    frame.src = `${origin}/paste.html`;
    document.body.append(frame);
  }, elsewhere.origin);
  for (const step of ['spa/index.html', 'paste.html?again']) {
    await page.evaluate(([origin, path]) => void (document.querySelector('iframe')!.src = `${origin}/${path}`), [elsewhere.origin, step] as const);
    await page.waitForTimeout(700);
    expect(await tabReports()).toEqual(shown);
  }
  // A router replacing the address with itself, then a table of contents' link.
  await page.evaluate(() => history.replaceState({ step: 1 }, '', location.href));
  await page.waitForTimeout(700);
  expect(await tabReports()).toEqual(shown);
  await page.evaluate(() => void (location.hash = 'outgoing'));
  for (let look = 0; look < 4; look += 1) {
    await page.waitForTimeout(600);
    expect(await tabReports()).toEqual(shown);
  }
  expect(extensionErrors).toEqual([]);
});

test("a webmail pane's frame reporting over an article gives the tab back to the article when it goes", async () => {
  const page = await open(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
  await expect.poll(tabReports).toEqual({ servers: ['smtp.eastmoor.example'], marked: 1 });
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/en-roundcube-smtp-identity.html';
    frame.style.cssText = 'width: 900px; height: 600px';
    document.body.append(frame);
  });
  // The account's settings beat the article around them.
  await expect.poll(tabReports).toEqual({ servers: ['smtp.cloverleaf.example'], marked: 1 });
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await expect.poll(tabReports).toEqual({ servers: ['smtp.eastmoor.example'], marked: 1 });
  expect(extensionErrorsBesideTheWebmailsOwn()).toEqual([]);
});

test('a webmail dialog that opens without navigation gets the hint; closing it takes the hint away, and opening it again brings it back', async () => {
  const page = await open(`${e2e.origin}/webmail/`);
  // The inbox alone is no account page.
  await page.waitForTimeout(2500);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit my sender identity' }).click();
  await expect(hint(page)).toBeVisible();
  await expect(hint(page)).toContainText('For sending: port 587 with STARTTLS');
  await expand(page);
  await expect(hint(page).getByRole('button', { name: 'Check smtp.harbourview.example' })).toBeVisible();
  // Beside the dialog's port field, not somewhere over the inbox.
  const port = await page.locator('#id-smtp-port').boundingBox();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit my sender identity' }).click();
  await expect(hint(page)).toBeVisible();
  const box = await page.locator('smtp-port-assistant-hint').boundingBox();
  expect(port).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(port!.x + port!.width);
  expect(Math.abs(box!.y - port!.y)).toBeLessThan(4);
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(1);
  expect(extensionErrors).toEqual([]);
});

test('in a native modal dialog the hint sits inside it and answers clicks; closed with the dialog, it comes back with it', async () => {
  const page = await open(`${e2e.origin}/webmail/`);
  await page.getByRole('button', { name: 'Account settings' }).click();
  const inDialog = page.locator('dialog smtp-port-assistant-hint aside');
  await expect(inDialog).toBeVisible();
  // A real click reaches it: outside the dialog it would be inert under the backdrop.
  await inDialog.locator('button.toggle').click();
  await expect(inDialog.locator('button.toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(inDialog.getByRole('button', { name: 'Check smtp.harbourview.example' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(inDialog).toBeHidden();
  await page.getByRole('button', { name: 'Account settings' }).click();
  await expect(inDialog).toBeVisible();
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(1);
  expect(extensionErrors).toEqual([]);
});

test('settings in a closed dialog shipped with the page: no hint until the dialog opens, then inside it', async () => {
  const page = await open(`${e2e.origin}/webmail/ready-dialog.html`);
  // The page is read as an account page, but its settings are not on screen: nothing to show yet.
  await expect.poll(() => page.locator('smtp-port-assistant-hint').count()).toBe(1);
  await page.waitForTimeout(500);
  await expect(page.locator('smtp-port-assistant-hint aside')).toBeHidden();
  await page.getByRole('button', { name: 'Account settings' }).click();
  const inDialog = page.locator('dialog smtp-port-assistant-hint aside');
  await expect(inDialog).toBeVisible();
  await inDialog.locator('button.toggle').click();
  await expect(inDialog.getByRole('button', { name: 'Check smtp.harbourview.example' })).toBeVisible();
  const port = (await page.locator('#smtp-port').boundingBox())!;
  await inDialog.locator('button.toggle').click();
  const box = (await page.locator('smtp-port-assistant-hint').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(port.x + port.width);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('smtp-port-assistant-hint aside')).toBeHidden();
  expect(extensionErrors).toEqual([]);
});

test("a settings form in a frame of the webmail's own page gets the hint there; one in another site's frame does not", async () => {
  const page = await open(`${e2e.origin}/webmail/settings.html`);
  const pane = page.frameLocator('#pane');
  await expect(pane.locator('smtp-port-assistant-hint aside')).toBeVisible();
  await expect(pane.locator('smtp-port-assistant-hint aside')).toContainText('For sending: port 587 with STARTTLS');
  // The page around the frame has no hint of its own.
  await expect(page.locator('smtp-port-assistant-hint')).toHaveCount(0);
  const stored = await launched.worker.evaluate(() => chrome.storage.session.get(null));
  const classified = Object.entries(stored).filter(([key]) => key.startsWith('page:')).map(([, value]) => value as { kind: string; settings: { outgoingServer: string | null } });
  expect(classified.map((entry) => [entry.kind, entry.settings.outgoingServer])).toEqual([['account', 'smtp.harbourview.example']]);

  const framed = await open(`${e2e.origin}/webmail/settings.html?pane=${encodeURIComponent(`${elsewhere.origin}/webmail/identity.html`)}`);
  const other = framed.frameLocator('#pane');
  await expect(other.locator('#smtp-port')).toBeVisible();
  await framed.waitForTimeout(2500);
  await expect(other.locator('smtp-port-assistant-hint')).toHaveCount(0);
  await expect(framed.locator('smtp-port-assistant-hint')).toHaveCount(0);
  expect(extensionErrors).toEqual([]);
});

test('settings in a tab not opened yet: the hint waits in the window corner, then moves beside the port when the tab opens', async () => {
  const page = await open(`${e2e.origin}/webmail/account-tabs.html`);
  await page.setViewportSize({ width: 1100, height: 800 });
  await expect(hint(page)).toBeVisible();
  await expect(hint(page)).toContainText('For sending: port 587 with STARTTLS');
  // Not beside a field that takes no space (at the page's top left, over its heading): fixed in the corner.
  const waiting = await page.locator('smtp-port-assistant-hint').evaluate((element) => ({ position: getComputedStyle(element).position, bottom: element.getBoundingClientRect().bottom }));
  expect(waiting.position).toBe('fixed');
  expect(waiting.bottom).toBeGreaterThan(700);
  await page.getByRole('tab', { name: 'Outgoing server' }).click();
  await expect.poll(() => page.locator('smtp-port-assistant-hint').evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
  const port = (await page.locator('#smtp-port').boundingBox())!;
  const box = (await page.locator('smtp-port-assistant-hint').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(port.x + port.width);
  expect(Math.abs(box.y - port.y)).toBeLessThan(4);
  expect(extensionErrors).toEqual([]);
});
