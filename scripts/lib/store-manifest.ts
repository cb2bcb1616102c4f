/**
 * What a store package's manifest keeps of the development build's (dist/, dist-firefox/), which the
 * e2e tests load unpacked and which must keep what they need:
 * - no `key` (the store assigns the id; the key only pins it for unpacked development builds);
 * - no content-script matches, host permissions or web-accessible matches for 127.0.0.1/localhost
 *   (the demo article and the e2e fixtures);
 * - no development-only permissions;
 * - web-accessible resources: only the files the content script loads (not every script of the
 *   extension), only for origins where the content script can run (its declared matches, and the
 *   optional host permissions under which the options page registers it at run time), and on Chrome
 *   only through the per-session dynamic URL, so a page cannot probe a fixed URL to learn the
 *   extension is installed.
 */

export type StoreBrowser = 'chrome' | 'firefox';

/** Origins only development builds need: the demo article and the e2e test servers. */
export const DEVELOPMENT_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
/** Permissions only development builds may hold. None today: the list is where one would go. */
export const DEVELOPMENT_PERMISSIONS: readonly string[] = [];

interface ContentScript {
  matches?: string[];
  js?: string[];
  [key: string]: unknown;
}
interface WebAccessible {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
  [key: string]: unknown;
}
export interface ExtensionManifest {
  key?: string;
  content_scripts?: ContentScript[];
  web_accessible_resources?: WebAccessible[];
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  [key: string]: unknown;
}

const forStore = (patterns: string[] | undefined): string[] => (patterns ?? []).filter((pattern) => !DEVELOPMENT_MATCHES.includes(pattern));

/** The files a content script needs to be web-accessible: the entries a bundler lists for its matches. */
function contentScriptFiles(manifest: ExtensionManifest): string[] {
  const scriptMatches = new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []));
  const files = new Set<string>();
  for (const entry of manifest.web_accessible_resources ?? []) {
    const forContentScript = (entry.matches ?? []).length > 0 && (entry.matches ?? []).every((match) => scriptMatches.has(match));
    if (!forContentScript) continue;
    for (const resource of entry.resources) {
      if (resource.includes('*')) throw new Error(`A web-accessible resource for the content script is a wildcard ("${resource}"); list its files.`);
      files.add(resource);
    }
  }
  return [...files].sort();
}

/**
 * `contentModules`: when the store package has merged the content script's modules into
 * self-contained files (Chrome, see package-extension.ts), those files are all it needs exposed.
 */
export function storeManifest(development: ExtensionManifest, browser: StoreBrowser, contentModules?: string[]): ExtensionManifest {
  const manifest = structuredClone(development);
  delete manifest.key;
  const files = contentModules ?? contentScriptFiles(development);
  if (manifest.content_scripts) {
    manifest.content_scripts = manifest.content_scripts.map((script) => ({ ...script, matches: forStore(script.matches) }));
  }
  if (manifest.permissions) manifest.permissions = manifest.permissions.filter((permission) => !DEVELOPMENT_PERMISSIONS.includes(permission));
  if (manifest.host_permissions) manifest.host_permissions = forStore(manifest.host_permissions);
  const matches = [...new Set([...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...(manifest.optional_host_permissions ?? [])])];
  if (files.length > 0 && matches.length > 0) {
    // Firefox gives every extension a random per-install origin already, and web-ext lint refuses the key.
    manifest.web_accessible_resources = [{ resources: files, matches, ...(browser === 'chrome' ? { use_dynamic_url: true } : {}) }];
  } else {
    delete manifest.web_accessible_resources;
  }
  return manifest;
}
