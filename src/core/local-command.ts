/**
 * The commands a person runs on their own computer for the "is it my network?" check: the one-off probe an
 * agent sends a customer (its `--json` output is pasted back into agent mode) and the one-time install of
 * the native messaging host the popup uses. Pure: the extension shows and copies these, it never runs them.
 *
 * They assume the CLI is published to the npm registry as `smtp-port-assistant` with its `smtp-probe` bin
 * (package.json). `npx --package` runs it without installing anything lasting; install-host copies the
 * self-contained bundle next to the host manifest, so the helper outlives npx's cache. One command with no
 * `&&`, so it reads the same in sh, cmd.exe and Windows PowerShell 5.
 */
export const CLI_PACKAGE = 'smtp-port-assistant';
export const CLI_BIN = 'smtp-probe';

export const HOST_BROWSERS = ['chrome', 'chromium', 'edge', 'firefox'] as const;
export type HostBrowser = (typeof HOST_BROWSERS)[number];

/**
 * A server name or address that is one plain word in every shell a customer may paste into (sh, zsh,
 * cmd.exe, PowerShell): letters, digits, dots, hyphens and colons, never a leading hyphen. No quoting
 * scheme is right in all of them, so anything else gets no command at all.
 */
const PLAIN_SERVER = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.:-]*[A-Za-z0-9])?$/;

export function isPlainServer(value: string): boolean {
  return PLAIN_SERVER.test(value);
}

/**
 * The one-off check a customer runs and pastes back: the full report as JSON on stdout. It probes the
 * server the agent's own check found, as is (`--no-discovery`), so both views are of the same machine.
 * Null for a name that is not one plain word (see PLAIN_SERVER).
 */
export function probeCommand(server: string): string | null {
  const host = server.trim();
  return isPlainServer(host) ? `npx --yes --package=${CLI_PACKAGE} ${CLI_BIN} ${host} --no-discovery --json` : null;
}

/** The one-time install of the local helper for this browser. */
export function installHostCommand(browser: HostBrowser): string {
  return `npx --yes --package=${CLI_PACKAGE} ${CLI_BIN} install-host --browser ${browser}`;
}

/** Which browser's host folder to install into, from the user agent string and client hints' brands. */
export function hostBrowserFrom(userAgent: string, brands: readonly string[] = []): HostBrowser {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (brands.some((brand) => /\bEdge\b/i.test(brand)) || /\bEdg\//.test(userAgent)) return 'edge';
  if (brands.includes('Google Chrome')) return 'chrome';
  // Chromium reports only "Chromium" as a brand; without client hints, Chrome is the likelier browser.
  if (brands.includes('Chromium')) return 'chromium';
  return 'chrome';
}
