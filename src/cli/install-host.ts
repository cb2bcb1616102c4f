/**
 * `smtp-probe install-host` / `uninstall-host`: registers the native messaging host with one browser by
 * writing a launcher script and the host manifest where that browser looks for it.
 * Chrome: https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-location
 * Firefox: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Native_manifests#manifest_location
 */
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HOST_NAME } from './native-messaging';

export const EXTENSION_ID = 'ikehcnennomcpfnjkffadlilflcmppbb';
export const GECKO_ID = 'smtp-port-assistant@smtp-port-assistant.org';
export const BROWSERS = ['chrome', 'chromium', 'edge', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

export class InstallError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Per-user folders (the Linux and macOS ones need no administrator rights). */
const USER_FOLDERS: Record<'linux' | 'darwin', Record<Browser, string>> = {
  linux: {
    chrome: '.config/google-chrome/NativeMessagingHosts',
    chromium: '.config/chromium/NativeMessagingHosts',
    edge: '.config/microsoft-edge/NativeMessagingHosts',
    firefox: '.mozilla/native-messaging-hosts',
  },
  darwin: {
    chrome: 'Library/Application Support/Google/Chrome/NativeMessagingHosts',
    chromium: 'Library/Application Support/Chromium/NativeMessagingHosts',
    edge: 'Library/Application Support/Microsoft Edge/NativeMessagingHosts',
    firefox: 'Library/Application Support/Mozilla/NativeMessagingHosts',
  },
};

const WINDOWS_REGISTRY_KEYS: Record<Browser, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

export interface HostLocation {
  folder: string;
  manifest: string;
  launcher: string;
}

/**
 * Where the files go. A --user-data-dir profile reads `<DIR>/NativeMessagingHosts` (Chrome and Chromium on
 * Linux and macOS); Firefox has no per-profile folder, so for Firefox that form only suits tests and packaging.
 */
export function hostLocation(browser: Browser, platform: NodeJS.Platform, home: string, userDataDir?: string): HostLocation {
  let folder: string;
  if (userDataDir !== undefined && platform !== 'win32') {
    folder = path.join(path.resolve(userDataDir), 'NativeMessagingHosts');
  } else if (platform === 'linux' || platform === 'darwin') {
    folder = path.join(home, USER_FOLDERS[platform][browser]);
  } else if (platform === 'win32') {
    const manifest = path.win32.join(home, 'AppData', 'Local', 'smtp-port-assistant', `${HOST_NAME}.json`);
    throw new InstallError(
      `Installing on Windows needs a registry entry, which install-host does not write yet: put the manifest at ${manifest} and point ${WINDOWS_REGISTRY_KEYS[browser]}\\${HOST_NAME} (default value) at it.`,
    );
  } else {
    throw new InstallError(`install-host does not know where ${browser} looks for native messaging hosts on ${platform}.`);
  }
  return { folder, manifest: path.join(folder, `${HOST_NAME}.json`), launcher: path.join(folder, `${HOST_NAME}.sh`) };
}

export function hostManifest(browser: Browser, launcher: string): Record<string, unknown> {
  return {
    name: HOST_NAME,
    description: 'SMTP Port Assistant: checks mail server ports from this computer',
    path: launcher,
    type: 'stdio',
    ...(browser === 'firefox' ? { allowed_extensions: [GECKO_ID] } : { allowed_origins: [`chrome-extension://${EXTENSION_ID}/`] }),
  };
}

/** POSIX single quotes: nothing inside is special except the quote itself. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function launcherScript(node: string, cli: string, allowPrivate: boolean, timeoutMs?: number): string {
  const flags = `${allowPrivate ? ' --allow-private' : ''}${timeoutMs === undefined ? '' : ` --timeout-ms ${timeoutMs}`}`;
  return [
    '#!/bin/sh',
    '# Written by `smtp-probe install-host`; removed by `smtp-probe uninstall-host`.',
    '# The browser runs this with its own arguments (caller origin, or manifest path and extension id); the host ignores them.',
    ...(allowPrivate ? ['# --allow-private: installed for testing, lets the extension probe loopback and private addresses.'] : []),
    `exec ${shellQuote(node)} ${shellQuote(cli)} --native-host${flags} "$@"`,
    '',
  ].join('\n');
}

interface InstallFlags {
  browser: Browser;
  userDataDir: string | undefined;
  allowPrivate: boolean;
  /** Written into the launcher: a shorter per-port timeout than the CLI's default. */
  timeoutMs: number | undefined;
}

function parseFlags(command: string, argv: string[]): InstallFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        browser: { type: 'string', default: 'chrome' },
        'user-data-dir': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new InstallError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const browser = values.browser as string;
  if (!(BROWSERS as readonly string[]).includes(browser)) throw new InstallError(`${command}: --browser must be one of ${BROWSERS.join(', ')}, not "${browser}".`);
  if (values['user-data-dir'] === '') throw new InstallError(`${command}: --user-data-dir needs a folder.`);
  if (command === 'uninstall-host' && values['allow-private']) throw new InstallError('uninstall-host: --allow-private only applies to install-host.');
  const timeout = values['timeout-ms'];
  if (timeout !== undefined && command === 'uninstall-host') throw new InstallError('uninstall-host: --timeout-ms only applies to install-host.');
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) < 100 || Number(timeout) > 600_000)) {
    throw new InstallError(`${command}: --timeout-ms must be a whole number of milliseconds from 100 to 600000, not "${timeout}".`);
  }
  return {
    browser: browser as Browser,
    userDataDir: values['user-data-dir'],
    allowPrivate: values['allow-private'],
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
  };
}

/** The bundle that is running now: the launcher must start this exact file. */
function runningCli(): string {
  const script = process.argv[1];
  if (!script || !script.endsWith('.js')) throw new InstallError('install-host must run from the built CLI: run `npm run build:cli`, then `npm run --silent probe -- install-host`.');
  return realpathSync(script);
}

/** Returns one line per file written or removed. */
export async function installCommand(command: 'install-host' | 'uninstall-host', argv: string[]): Promise<string[]> {
  const flags = parseFlags(command, argv);
  const where = hostLocation(flags.browser, process.platform, homedir(), flags.userDataDir);
  if (command === 'uninstall-host') {
    const lines: string[] = [];
    for (const [what, file] of [['host manifest', where.manifest], ['launcher', where.launcher]] as const) {
      const existed = await rm(file).then(() => true, (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      });
      lines.push(existed ? `Removed ${what}: ${file}` : `No ${what} to remove at ${file}`);
    }
    return lines;
  }
  const cli = runningCli();
  await mkdir(where.folder, { recursive: true });
  await writeFile(where.launcher, launcherScript(process.execPath, cli, flags.allowPrivate, flags.timeoutMs), { mode: 0o755 });
  // writeFile's mode only applies when it creates the file; a reinstall keeps it runnable too.
  await chmod(where.launcher, 0o755);
  await writeFile(where.manifest, `${JSON.stringify(hostManifest(flags.browser, where.launcher), null, 2)}\n`);
  return [`Wrote launcher: ${where.launcher}`, `Wrote host manifest for ${flags.browser}: ${where.manifest}`];
}
