/**
 * Renders src/extension/icons/icon.svg to the PNG sizes the manifest and the stores ask for
 * (16, 32, 48, 128) with the system Chromium. Run by hand after changing the SVG:
 * `npx tsx scripts/draw-icons.ts`; the PNGs are committed so builds need no browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromePath } from './lib/system';

const svg = await readFile(new URL('../src/extension/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png);
    await page.close();
    console.log(`public/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
