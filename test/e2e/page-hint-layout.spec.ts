/**
 * The page hint as a reader meets it: one line beside the article's text rather than over it, no
 * layout shift on account pages, what it carries into the checklist, the visible "Hide on this site"
 * and its undo in the options, and what it says on a page that already recommends 465.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';
import { dispose, launch, openPopup, type Launched, type LaunchOptions } from './extension';

let pages: StaticServer;
let demo: StaticServer;
let launched: Launched | null = null;

test.beforeAll(async () => {
  pages = await serveFolder(resolve('test/fixtures/pages'));
  demo = await serveFolder(resolve('scripts/demo'));
});

test.afterAll(async () => {
  await pages?.close();
  await demo?.close();
});

test.afterEach(async () => {
  if (!launched) return;
  await dispose(launched);
  launched = null;
});

async function start(options: LaunchOptions = {}): Promise<Launched> {
  launched = await launch(options);
  return launched;
}

const host = (page: Page) => page.locator('smtp-port-assistant-hint');
const toggle = (page: Page) => host(page).locator('button.toggle');

/** Open the hint's full note when it is folded to its one line. */
async function expand(page: Page): Promise<void> {
  await expect(host(page).locator('aside')).toBeVisible();
  if ((await toggle(page).count()) > 0 && (await toggle(page).getAttribute('aria-expanded')) === 'false') await toggle(page).click();
}

/**
 * The controls inside `scope` (fields, buttons, labels, links) that the hint's box lies over, how many
 * controls the scope holds, and the box's top and bottom against the window's height.
 */
function underNote(page: Page, scope: string): Promise<{ covered: string[]; controls: number; top: number; bottom: number; height: number }> {
  return page.evaluate((scope) => {
    const box = document.querySelector('smtp-port-assistant-hint')!.getBoundingClientRect();
    const controls = [...document.querySelector(scope)!.querySelectorAll('input, select, textarea, button, label, a')];
    const covered = controls
      .filter((control) => {
        const rect = control.getBoundingClientRect();
        return rect.width > 0 && rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top;
      })
      .map((control) => `${control.tagName.toLowerCase()}: ${(control.textContent || (control as HTMLInputElement).value || '').trim().slice(0, 30)}`);
    return { covered, controls: controls.filter((control) => !control.matches('label')).length, top: box.top, bottom: box.bottom, height: innerHeight };
  }, scope);
}

interface Measured {
  hint: { left: number; top: number; width: number; height: number };
  column: { left: number; right: number };
  /** Horizontal overlap of the hint with the text column, in CSS pixels. */
  overlap: number;
  /** Area of the hint over the text blocks visible in the window, in square CSS pixels. */
  overTextArea: number;
}

/** The hint's box against the article's text column, measured the way a reader sees them. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const element = document.querySelector('smtp-port-assistant-hint')!;
    const box = element.getBoundingClientRect();
    const blocks = [...document.querySelectorAll('article p, article li, article h1, article h2, article table, main p')];
    const rects = blocks.map((block) => block.getBoundingClientRect()).filter((rect) => rect.width > 0);
    const left = Math.min(...rects.map((rect) => rect.left));
    const right = Math.max(...rects.map((rect) => rect.right));
    let overTextArea = 0;
    for (const rect of rects) {
      const w = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
      const h = Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top);
      if (w > 0 && h > 0) overTextArea += w * h;
    }
    return {
      hint: { left: box.left, top: box.top, width: box.width, height: box.height },
      column: { left, right },
      overlap: Math.max(0, Math.min(right, box.right) - Math.max(left, box.left)),
      overTextArea,
    };
  });
}

async function openArticle(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${demo.origin}/`);
  await expect(host(page).locator('aside')).toBeVisible();
  // Scrolled to the middle of the article, where text runs under the bottom corner.
  await page.evaluate(() => window.scrollTo(0, 200));
}

test('on a help article the hint is one line in the margin, never over the text column, wide or narrow', async () => {
  const { context } = await start();
  const page = await context.newPage();
  for (const width of [1280, 1000, 700, 480]) {
    await openArticle(page, width);
    const collapsed = await measure(page);
    console.log(`width ${width}: collapsed hint ${collapsed.hint.width}×${collapsed.hint.height} px, column ${collapsed.column.left}-${collapsed.column.right}, overlap ${collapsed.overlap} px`);
    expect(collapsed.hint.height).toBeLessThanOrEqual(46);
    expect(collapsed.overlap).toBe(0);
    expect(collapsed.overTextArea).toBe(0);
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  }
  // Wide: the one-line bar shows its words; opened, the note still fits the margin.
  await openArticle(page, 1280);
  await expect(toggle(page)).toHaveText(/Mail not sending\? Get help/);
  await toggle(page).click();
  await expect(host(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' })).toBeVisible();
  const expanded = await measure(page);
  console.log(`width 1280: expanded hint ${expanded.hint.width}×${expanded.hint.height} px, overlap ${expanded.overlap} px`);
  expect(expanded.overlap).toBe(0);
});

test('the hint opens and closes with the keyboard, and Escape gives focus back to it', async () => {
  const { context } = await start();
  const page = await context.newPage();
  await openArticle(page, 700);
  // Narrow: a small button whose name is the one line.
  await expect(host(page).getByRole('button', { name: 'Mail not sending? Get help' })).toBeVisible();
  await toggle(page).focus();
  await page.keyboard.press('Enter');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(host(page).getByRole('button', { name: 'Hide on this site' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(host(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page)).toBeFocused();
  await expect(host(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' })).toBeHidden();
  await page.keyboard.press('Space');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  const results = await new AxeBuilder({ page }).include('smtp-port-assistant-hint').analyze();
  expect(results.violations).toEqual([]);
});

/** The popup the hint opens (the toolbar popup, or its stand-in window). */
async function popupFrom(launchedNow: Launched, click: () => Promise<void>): Promise<Page> {
  const opened = launchedNow.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup/index.html'), timeout: 5000 }).catch(() => null);
  await click();
  return (await opened) ?? (await openPopup(launchedNow));
}

test('"Steps for …" carries the page\'s server, port and security into the checklist', async () => {
  const current = await start();
  const page = await current.context.newPage();
  await page.goto(`${pages.origin}/es-hosting-thunderbird-smtp.html`);
  await expand(page);
  const popup = await popupFrom(current, () => host(page).getByRole('button', { name: 'Steps for Mozilla Thunderbird' }).click());
  await expect(popup.getByTestId('target-server')).toHaveText('smtp.hostalianorte.example');
  await expect(popup.getByTestId('target-port')).toHaveText('465');
  await expect(popup.getByTestId('target-security')).toHaveText('SSL/TLS');
  await expect(popup.locator('.steps')).toContainText('smtp.hostalianorte.example');
  await expect(popup.locator('.steps')).not.toContainText('your current outgoing server');
});

test('with no server on the page, the checklist names the profile\'s outgoing server', async () => {
  const current = await start();
  const options = await current.context.newPage();
  await options.goto(`chrome-extension://${current.extensionId}/src/extension/options/index.html`);
  await options.getByLabel('Outgoing server to prefill').fill('smtp.helpdesk-profile.example');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved.')).toBeVisible();
  await current.worker.evaluate(() => chrome.storage.local.set({ lastClientId: 'thunderbird' }));

  // Opened on its own, the popup's checklist already uses the profile's server.
  let popup = await openPopup(current);
  await expect(popup.getByTestId('target-server')).toHaveText('smtp.helpdesk-profile.example');
  await popup.close();

  const page = await current.context.newPage();
  await page.goto(`${pages.origin}/en-isp-port-25-blocked.html`);
  await expand(page);
  popup = await popupFrom(current, () => host(page).getByRole('button', { name: 'Open the checklist' }).click());
  await expect(popup.getByTestId('target-server')).toHaveText('smtp.helpdesk-profile.example');
  await expect(popup.getByTestId('target-port')).toHaveText('587');
  await expect(popup.locator('.steps')).not.toContainText('your current outgoing server');
});

test('"Hide on this site" is a visible action, and the options list the site with a way back', async () => {
  const current = await start();
  const page = await current.context.newPage();
  await page.goto(`${pages.origin}/en-isp-port-25-blocked.html`);
  await expand(page);
  const hide = host(page).getByRole('button', { name: 'Hide on this site' });
  await expect(hide).toBeVisible();
  await expect(host(page)).toContainText("You can show it again in the extension's options.");
  await hide.click();
  await expect(host(page)).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(2500);
  await expect(host(page)).toHaveCount(0);

  const options = await current.context.newPage();
  await options.goto(`chrome-extension://${current.extensionId}/src/extension/options/index.html`);
  const section = options.getByRole('region', { name: 'Sites where the page hint is hidden' });
  await expect(section).toContainText('127.0.0.1');
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations).toEqual([]);
  await section.screenshot({ path: 'test-results/hint-options-hidden-sites.png' });
  await section.getByRole('button', { name: 'Show again on 127.0.0.1' }).click();
  await expect(section).toContainText('The page hint is not hidden on any site.');
  await expect(section.getByRole('status')).toHaveText('The page hint shows again on 127.0.0.1.');
  const stored = await current.worker.evaluate(() => chrome.storage.local.get('dismissedSites'));
  expect(stored.dismissedSites).toEqual([]);

  await page.reload();
  await expect(toggle(page)).toBeVisible();
});

const ACCOUNT_PAGES = [
  'en-cpanel-mail-client-manual-settings.html',
  'en-roundcube-smtp-identity.html',
  'en-webmail-send-mail-as-dialog.html',
  'en-plesk-mail-settings-dl.html',
  'es-panel-configuracion-cliente-correo.html',
  'de-webmail-smtp-einstellungen.html',
  // A box about the outgoing server on the row above its host field.
  'real-shapes/en-webmail-identity-smtp-url.html',
  'real-shapes/en-webmail-dialog-legend-values.html',
  // Its server shown as rows below a form whose own-server block is hidden.
  'real-shapes/en-crm-profile-mail-hidden-own-server.html',
  // A person's sender fields, their server in a fieldset, a test-mail field and a signature below.
  'real-shapes/en-crm-user-mail-test-send-signature.html',
  // Rows of a label and a field, each field as wide as its value: the security menu under the port runs further right.
  'real-shapes/de-konto-einstellungen-for.html',
];

test('the account-page hint moves nothing on the page (layout shift 0) and covers none of its controls', async () => {
  const { context } = await start();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const shifts: { value: number; hadRecentInput: boolean }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const [file, width] of [...ACCOUNT_PAGES.map((file) => [file, 1280] as const), ...ACCOUNT_PAGES.slice(0, 3).map((file) => [file, 480] as const)]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${pages.origin}/${file}`);
    const before = await page.evaluate(() => document.body.scrollHeight);
    await expect(host(page).locator('aside')).toBeVisible();
    await page.waitForTimeout(600);
    const { cls, position, after, covered } = await page.evaluate(() => {
      const shifts = (window as unknown as { __shifts: { value: number }[] }).__shifts;
      const element = document.querySelector('smtp-port-assistant-hint')!;
      const box = element.getBoundingClientRect();
      // Every control and every stretch of text of the page the hint's box lies over (text by its
      // own extent: a paragraph's box runs to the column's edge however short its lines are).
      const extent = (other: Element) => {
        if (other.matches('input, select, textarea, button')) return other.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(other);
        return range.getBoundingClientRect();
      };
      const covered = [...document.querySelectorAll('input, select, textarea, button, label, td, th, dt, dd, p, li, h1, h2, h3')]
        .filter((other) => !other.contains(element))
        .filter((other) => {
          const rect = extent(other);
          return rect.width > 0 && rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top;
        })
        .map((other) => `${other.tagName.toLowerCase()}: ${(other.textContent ?? '').trim().slice(0, 30)}`);
      return { cls: shifts.reduce((sum, shift) => sum + shift.value, 0), position: getComputedStyle(element).position, after: document.body.scrollHeight, covered };
    });
    console.log(`${file} at ${width} px: layout shift ${cls}, page height ${before} → ${after}, covers ${covered.length} elements`);
    expect(cls).toBe(0);
    expect(position).toBe('absolute');
    expect(covered).toEqual([]);
  }
});

test('opened in a narrow window, the account hint lies below the outgoing settings, not over them, and in view', async () => {
  const { context } = await start();
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 800 });
  // Each page with what shows its outgoing settings: the SMTP table's cells, the outgoing block's fields
  // (the block named by the text its heading or legend starts with).
  const outgoing = [
    ['real-shapes/en-panel-email-accounts-client-details.html', 'table.kv', 'SMTP', 'td'],
    ['en-roundcube-smtp-identity.html', 'fieldset', 'Outgoing', 'input, select, label, td'],
    ['de-webmail-smtp-einstellungen.html', 'fieldset', 'Postausgang', 'input, select, label'],
  ] as const;
  for (const [file, block, named, inner] of outgoing) {
    await page.goto(`${pages.origin}/${file}`);
    await expand(page);
    await page.waitForTimeout(300);
    const found = await page.evaluate(([block, named, inner]) => {
      const element = document.querySelector('smtp-port-assistant-hint')!;
      const box = element.getBoundingClientRect();
      const outgoingBlock = [...document.querySelectorAll(block)].find((candidate) => (candidate.querySelector('th, legend')?.textContent ?? '').trim().startsWith(named));
      const shown = [...(outgoingBlock?.querySelectorAll(inner) ?? [])];
      const covered = shown
        .filter((other) => {
          const range = document.createRange();
          range.selectNodeContents(other);
          const rect = other.matches('input, select') ? other.getBoundingClientRect() : range.getBoundingClientRect();
          return rect.width > 0 && rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top;
        })
        .map((other) => `${other.tagName.toLowerCase()}: ${(other.textContent ?? '').trim().slice(0, 30)}`);
      const settingsBottom = Math.max(...shown.map((other) => other.getBoundingClientRect().bottom));
      return { shown: shown.length, covered, settingsBottom, position: getComputedStyle(element).position, top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: innerHeight, width: document.documentElement.clientWidth };
    }, [block, named, inner] as const);
    expect(found.shown).toBeGreaterThan(2);
    console.log(`${file} at 380 px, open: ${Math.round(found.left)},${Math.round(found.top)} to ${Math.round(found.right)},${Math.round(found.bottom)}; covers ${found.covered.length} of its settings`);
    expect(found.covered).toEqual([]);
    // Still beside the page's settings (an overlay in the page), below them rather than in the window's corner.
    expect(found.position).toBe('absolute');
    expect(found.top).toBeGreaterThanOrEqual(found.settingsBottom);
    // The note is in the window whole, without the reader scrolling to find it.
    expect(found.top).toBeGreaterThanOrEqual(0);
    expect(found.bottom).toBeLessThanOrEqual(found.height + 1);
    expect(found.left).toBeGreaterThanOrEqual(0);
    expect(found.right).toBeLessThanOrEqual(found.width);
  }
});

test('opened in a narrow window, the account hint lies below the whole form, so its login fields, security choice and buttons stay visible', async () => {
  const { context } = await start();
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 800 });
  // A dialog, a form drawn with plain boxes (a web app's settings wizard), and a form in a dialog whose buttons stand below it.
  for (const [file, formSelector] of [
    ['en-webmail-send-mail-as-dialog.html', '[role="dialog"]'],
    ['es-webmail-cuenta-externa-smtp.html', '.Wizard_root'],
    ['real-shapes/en-webmail-admin-domain-secure-columns.html', '[role="dialog"]'],
    // No form: a settings table of label and value rows, its add and change links in the cells.
    ['real-shapes/en-webmail-sender-table-links.html', 'table'],
  ] as const) {
    await page.goto(`${pages.origin}/${file}`);
    await expand(page);
    await page.waitForTimeout(300);
    const found = await underNote(page, formSelector);
    expect(found.controls, file).toBeGreaterThan(4);
    expect(found.covered, file).toEqual([]);
    expect(found.top, file).toBeGreaterThanOrEqual(0);
    expect(found.bottom, file).toBeLessThanOrEqual(found.height + 1);
    await page.screenshot({ path: `test-results/page-hint-account-form-narrow-${file.replace(/^.*\/|\.html$/g, '')}.png` });
  }
});

test('opened where the window has room beside the port but not past the rows the note reaches, the note covers none of the form\'s controls', async () => {
  const { context } = await start();
  const page = await context.newPage();
  for (const [file, width] of [
    // A test-mail field and its Send button run further right than the port, under it.
    ['real-shapes/en-crm-user-mail-test-send-signature.html', 640],
    // The mailboxes' table under the SMTP rows, with a password and a remove button in each row.
    ['real-shapes/en-panel-email-accounts-client-details.html', 800],
    // A dialog whose Test, Close and Save buttons stand below its form, outside it.
    ['real-shapes/en-webmail-admin-domain-secure-columns.html', 1280],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${pages.origin}/${file}`);
    await expand(page);
    await page.waitForTimeout(300);
    const found = await underNote(page, 'body');
    expect(found.covered, `${file} at ${width} px`).toEqual([]);
    // Brought into view when it opens below the form.
    expect(found.top, file).toBeGreaterThanOrEqual(0);
    expect(found.bottom, file).toBeLessThanOrEqual(found.height + 1);
    await page.screenshot({ path: `test-results/page-hint-account-open-${width}-${file.replace(/^.*\/|\.html$/g, '')}.png` });
  }
});

test('on an account page that recommends 465 with SSL/TLS, the hint says 465 is right', async () => {
  const { context } = await start();
  const page = await context.newPage();
  await page.goto(`${pages.origin}/en-cpanel-mail-client-manual-settings.html`);
  await expect(host(page)).toContainText('Port 465 with SSL/TLS is right for sending');
  await expand(page);
  await expect(host(page)).toContainText("This page's setting for sending, port 465 with SSL/TLS, is the right one");
  await expect(host(page)).not.toContainText('587 with STARTTLS');

  await page.goto(`${pages.origin}/en-plesk-mail-settings-dl.html`);
  await expect(host(page)).toContainText('Port 587 with STARTTLS is right for sending');
  // A form still set to port 25: the hint names the port to change to.
  await page.goto(`${pages.origin}/en-roundcube-smtp-identity.html`);
  await expect(host(page)).toContainText('For sending: port 587 with STARTTLS');
});

test('in Spanish, the account hint follows the page\'s 465 too', async () => {
  const { context } = await start({ locale: 'es' });
  const page = await context.newPage();
  await page.goto(`${pages.origin}/es-panel-configuracion-cliente-correo.html`);
  await expect(host(page)).toContainText('Puerto 465 con SSL/TLS: correcto para enviar');
  await expand(page);
  await expect(host(page)).not.toContainText('587 con STARTTLS');
});

for (const locale of ['en', 'es'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshots: article hint narrow and wide, collapsed and open, account hint (${locale}, ${colorScheme})`, async () => {
      const { context } = await start({ locale, colorScheme });
      const page = await context.newPage();
      for (const width of [700, 1280]) {
        await openArticle(page, width);
        await page.screenshot({ path: `test-results/hint-article-${width}-collapsed-${locale}-${colorScheme}.png` });
        await toggle(page).click();
        await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
        await page.screenshot({ path: `test-results/hint-article-${width}-open-${locale}-${colorScheme}.png` });
        const results = await new AxeBuilder({ page }).include('smtp-port-assistant-hint').analyze();
        expect(results.violations).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${pages.origin}/en-cpanel-mail-client-manual-settings.html`);
      await expect(toggle(page)).toBeVisible();
      await page.screenshot({ path: `test-results/hint-account-collapsed-${locale}-${colorScheme}.png` });
      await toggle(page).click();
      await page.screenshot({ path: `test-results/hint-account-open-${locale}-${colorScheme}.png` });
    });
  }
}
