import { test } from '@playwright/test';
import { launch, dispose, openPopup } from './extension';
test('managed timing', async () => {
  for (let round = 0; round < 4; round++) {
    const launched = await launch({ locale: 'en' } as never);
    try {
      const t0 = Date.now();
      const swTime = launched.worker.evaluate(async () => { const t = performance.now(); await chrome.storage.managed.get(null); return performance.now() - t; });
      const page = await openPopup(launched);
      const pageTime = await page.evaluate(async () => { const t = performance.now(); await chrome.storage.managed.get(null); return performance.now() - t; });
      console.log('round', round, 'sw', Math.round(await swTime), 'page', Math.round(pageTime), 'total', Date.now() - t0);
    } finally { await dispose(launched); }
  }
});
