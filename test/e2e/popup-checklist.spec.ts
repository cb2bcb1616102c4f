import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dispose, launch, openPopup, readClipboard, removeProfile, type Launched } from './extension';

let launched: Launched;

test.beforeEach(async () => {
  launched = await launch();
});

test.afterEach(async () => {
  await dispose(launched);
});

async function pickClient(page: Page, query: string, id: string): Promise<void> {
  await page.getByRole('searchbox').fill(query);
  await page.locator(`[data-client="${id}"]`).click();
}

function stepBoxes(page: Page) {
  return page.locator('.steps input[type="checkbox"]');
}

test('ticks survive closing the popup and restarting the browser', async () => {
  let page = await openPopup(launched);
  await pickClient(page, 'thunder', 'thunderbird');
  await expect(page.getByRole('heading', { name: 'Mozilla Thunderbird' })).toBeVisible();
  await stepBoxes(page).nth(0).check();
  await stepBoxes(page).nth(2).check();
  await expect(page.locator('#progress-text')).toContainText('2 of');
  await page.close();

  page = await openPopup(launched);
  await expect(page.getByRole('heading', { name: 'Mozilla Thunderbird' })).toBeVisible();
  await expect(stepBoxes(page).nth(0)).toBeChecked();
  await expect(stepBoxes(page).nth(1)).not.toBeChecked();
  await expect(stepBoxes(page).nth(2)).toBeChecked();

  const profile = launched.profile;
  await launched.close();
  launched = await launch({ profile });
  page = await openPopup(launched);
  await expect(stepBoxes(page).nth(0)).toBeChecked();
  await expect(stepBoxes(page).nth(2)).toBeChecked();
  await expect(page.locator('#progress-text')).toContainText('2 of');

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(stepBoxes(page).nth(0)).not.toBeChecked();
  await expect(page.locator('#progress-text')).toContainText('0 of');
});

test('"Copy steps" puts the chosen client\'s steps with port 587 on the clipboard', async () => {
  const page = await openPopup(launched);
  await pickClient(page, 'thunderbird', 'thunderbird');
  await page.getByRole('button', { name: 'Copy steps' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Steps copied' })).toBeVisible();
  const text = await readClipboard(launched);
  expect(text).toContain('Mozilla Thunderbird');
  expect(text).toMatch(/change 25 to 587/i);
  expect(text).toContain('STARTTLS');
  expect(text).toMatch(/^1\. /m);
});

test('Outlook 2003 walks through the Advanced tab of More Settings', async () => {
  const page = await openPopup(launched);
  await pickClient(page, 'outlook 2003', 'outlook-2003');
  const steps = page.locator('.steps li');
  const texts = await steps.allTextContents();
  const joined = texts.join('\n');
  expect(joined).toContain('E-mail Accounts');
  expect(joined).toContain('More Settings');
  const advanced = texts.findIndex((text) => text.includes('Advanced'));
  const port = texts.findIndex((text) => text.includes('587'));
  expect(advanced).toBeGreaterThanOrEqual(0);
  expect(port).toBeGreaterThanOrEqual(advanced);
});

test('the whole checklist can be completed with the keyboard only', async () => {
  const page = await openPopup(launched);
  // The search box has focus when the popup opens.
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('thunderbird');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mozilla Thunderbird' })).toBeVisible();
  const total = await stepBoxes(page).count();
  expect(total).toBeGreaterThanOrEqual(4);
  let ticked = 0;
  for (let presses = 0; presses < 60 && ticked < total; presses += 1) {
    await page.keyboard.press('Tab');
    const onStep = await page.evaluate(
      () => document.activeElement instanceof HTMLInputElement && document.activeElement.closest('.steps') !== null,
    );
    if (onStep) {
      const focusVisible = await page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);
      expect(focusVisible).toBe(true);
      await page.keyboard.press('Space');
      ticked += 1;
    }
  }
  await expect(page.locator('#progress-text')).toContainText(`${total} of ${total}`);
  await expect(page.locator('.all-done')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations in ${colorScheme} mode`, async () => {
    await launched.close();
    await removeProfile(launched.profile);
    launched = await launch({ colorScheme });
    const page = await openPopup(launched);
    await expect(page.getByRole('searchbox')).toBeVisible();
    const picker = await new AxeBuilder({ page }).analyze();
    expect(picker.violations).toEqual([]);
    await pickClient(page, 'thunderbird', 'thunderbird');
    await stepBoxes(page).nth(0).check();
    await page.locator('details').first().locator('summary').click();
    const checklist = await new AxeBuilder({ page }).analyze();
    expect(checklist.violations).toEqual([]);
    await page.screenshot({ path: `test-results/popup-checklist-${colorScheme}.png`, fullPage: true });
  });
}

test('Spanish interface shows Spanish steps', async () => {
  await launched.close();
  await removeProfile(launched.profile);
  launched = await launch({ locale: 'es' });
  const page = await openPopup(launched);
  await expect(page.getByRole('heading', { name: 'Su programa de correo' })).toBeVisible();
  await pickClient(page, 'thunderbird', 'thunderbird');
  await expect(page.locator('.steps')).toContainText('Servidor de salida (SMTP)');
  await expect(page.locator('#progress-text')).toContainText('0 de');
  await page.screenshot({ path: 'test-results/popup-checklist-es.png', fullPage: true });
  // Programs go by the names their vendors use in Spanish, in the picker and the heading; the English name still finds them.
  await page.locator('.current-client button').click();
  await page.getByRole('searchbox').fill('iPhone and iPad');
  await expect(page.locator('[data-client="ios-mail"] .client-name')).toHaveText('Mail (iPhone y iPad)');
  await page.locator('[data-client="ios-mail"]').click();
  await expect(page.locator('#client-title')).toHaveText('Mail (iPhone y iPad)');
  await page.screenshot({ path: 'test-results/popup-checklist-es-ios.png', fullPage: true });
});

test('Esc closes the popup', async () => {
  const page = await openPopup(launched);
  await pickClient(page, 'thunderbird', 'thunderbird');
  await Promise.all([page.waitForEvent('close'), page.keyboard.press('Escape').catch(() => undefined)]);
  expect(page.isClosed()).toBe(true);
});
