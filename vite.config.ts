import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };

/** Gecko id of the Firefox build; stable so that stored data survives updates. */
export const GECKO_ID = 'smtp-port-assistant@smtp-port-assistant.org';

type Manifest = typeof sourceManifest & Record<string, unknown>;

/**
 * The source manifest is written for Chromium. Firefox's MV3 wants `background.scripts` (no service
 * workers), `browser_specific_settings.gecko`, no `key`, and a sidebar instead of Chrome's side panel.
 */
export function firefoxManifest(source: Manifest): Manifest {
  const manifest: Record<string, unknown> = structuredClone(source);
  delete manifest.key;
  delete manifest.minimum_chrome_version;
  const background = source.background as { service_worker: string };
  manifest.background = { scripts: [background.service_worker], type: 'module' };
  const sidePanel = manifest.side_panel as { default_path: string } | undefined;
  if (sidePanel) {
    delete manifest.side_panel;
    manifest.sidebar_action = {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_agentTitle__',
      default_icon: 'icons/icon-32.png',
      open_at_install: false,
    };
  }
  manifest.permissions = ((source.permissions as string[]) ?? []).filter((p) => p !== 'sidePanel');
  // Firefox reads managed storage from a native manifest instead of a schema file.
  delete manifest.storage;
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    },
  };
  return manifest as Manifest;
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const manifest = (firefox ? firefoxManifest(sourceManifest as Manifest) : sourceManifest) as ManifestV3Export;
  return {
    plugins: [preact(), crx({ manifest, browser: firefox ? 'firefox' : 'chrome' })],
    build: {
      // crxjs builds the pages the manifest names in the keys it knows; it does not know Firefox's
      // `sidebar_action`, so without this the Firefox build would ship a sidebar pointing at no page.
      ...(firefox ? { rollupOptions: { input: { agent: 'src/extension/agent/index.html' } } } : {}),
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: firefox ? 'firefox142' : 'chrome116',
      sourcemap: false,
      modulePreload: false,
    },
    server: { port: 5173, strictPort: true, host: '127.0.0.1', hmr: { host: '127.0.0.1' } },
  };
});
