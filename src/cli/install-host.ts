/**
 * `smtp-probe install-host` / `uninstall-host`: registers the native messaging host with one browser by
 * writing a launcher script and the host manifest where that browser looks for it.
 * Chrome: https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-location
 * Firefox: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Native_manifests#manifest_location
 * On Windows both read the host manifest's path from the registry (HKCU, no administrator rights needed),
 * and the launcher is a batch file.
 */
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_TIMEOUT_MS, MAX_HOST_TIMEOUT_MS } from '../core/native-protocol';
import { HOST_NAME } from './native-messaging';
import { argumentError } from './argument-error';

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
  /**
   * The host's own copy of the CLI bundle (self-contained, no dependencies), so the host keeps working when
   * the checkout moves or `npx` clears its cache. `.mjs`: it is an ES module with no package.json beside it.
   */
  program: string;
  /** Windows only: the registry key whose default value must name the manifest. */
  registryKey?: string;
}

/**
 * Where the files go. A --user-data-dir profile reads `<DIR>/NativeMessagingHosts` (Chrome and Chromium on
 * Linux and macOS); Firefox has no per-profile folder, so for Firefox that form only suits tests and packaging.
 * On Windows the files live under `%LOCALAPPDATA%\smtp-port-assistant` and the registry points at them.
 */
export function hostLocation(browser: Browser, platform: NodeJS.Platform, home: string, userDataDir?: string, localAppData?: string): HostLocation {
  if (platform === 'win32') {
    if (userDataDir !== undefined) {
      throw new InstallError('On Windows browsers find native messaging hosts through the registry only, so --user-data-dir does not apply.');
    }
    const folder = path.win32.join(localAppData || path.win32.join(home, 'AppData', 'Local'), 'smtp-port-assistant', 'NativeMessagingHosts');
    return {
      folder,
      manifest: path.win32.join(folder, `${HOST_NAME}.${browser}.json`),
      launcher: path.win32.join(folder, `${HOST_NAME}.${browser}.bat`),
      program: path.win32.join(folder, `${HOST_NAME}.${browser}.mjs`),
      registryKey: `${WINDOWS_REGISTRY_KEYS[browser]}\\${HOST_NAME}`,
    };
  }
  let folder: string;
  if (userDataDir !== undefined) {
    folder = path.join(path.resolve(userDataDir), 'NativeMessagingHosts');
  } else if (platform === 'linux' || platform === 'darwin') {
    folder = path.join(home, USER_FOLDERS[platform][browser]);
  } else {
    throw new InstallError(`install-host does not know where ${browser} looks for native messaging hosts on ${platform}.`);
  }
  return {
    folder,
    manifest: path.join(folder, `${HOST_NAME}.json`),
    launcher: path.join(folder, `${HOST_NAME}.sh`),
    program: path.join(folder, `${HOST_NAME}.mjs`),
  };
}

/** The `reg.exe` arguments that register (or remove) the manifest's path for one browser. */
export function registryCommands(key: string, manifest: string): { add: string[]; remove: string[] } {
  return { add: ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifest, '/f'], remove: ['delete', key, '/f'] };
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
    ...(allowPrivate ? ['# --allow-private: installed for testing, lets the extension probe loopback, RFC 1918 and IPv6 unique-local addresses.'] : []),
    `exec ${shellQuote(node)} ${shellQuote(cli)} --native-host${flags} "$@"`,
    '',
  ].join('\n');
}

/**
 * The Windows launcher, next to the program it starts: `%~dp0` is the launcher's own folder, so a user
 * folder with non-ASCII letters in its name never has to be spelled in the file. cmd.exe reads a batch file
 * in the console's code page; when Node's own path has such letters, `chcp 65001` first makes it read the
 * UTF-8 this file is written in. Paths cannot hold a double quote, a % would be read as a variable and is
 * doubled, and %* passes the browser's own arguments on.
 */
export function launcherBatch(node: string, programName: string, allowPrivate: boolean, timeoutMs?: number): string {
  const flags = `${allowPrivate ? ' --allow-private' : ''}${timeoutMs === undefined ? '' : ` --timeout-ms ${timeoutMs}`}`;
  const quote = (text: string) => `"${text.replace(/%/g, '%%')}"`;
  const nonAscii = [...node].some((char) => char.charCodeAt(0) > 0x7f);
  return [
    '@echo off',
    'rem Written by `smtp-probe install-host`; removed by `smtp-probe uninstall-host`.',
    ...(nonAscii ? ['chcp 65001 >nul'] : []),
    `${quote(node)} "%~dp0${programName.replace(/%/g, '%%')}" --native-host${flags} %*`,
    '',
  ].join('\r\n');
}

function reg(args: string[]): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve) => {
    execFile('reg', args, { windowsHide: true, timeout: 15_000 }, (error, stdout, stderr) => {
      resolve({ ok: !error, message: `${stderr || stdout}`.trim() || (error?.message ?? '') });
    });
  });
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
    throw new InstallError(`${command}: ${argumentError(error)} See smtp-probe --help.`);
  }
  const browser = values.browser as string;
  if (!(BROWSERS as readonly string[]).includes(browser)) throw new InstallError(`${command}: --browser must be one of ${BROWSERS.join(', ')}, not "${browser}".`);
  if (values['user-data-dir'] === '') throw new InstallError(`${command}: --user-data-dir needs a folder.`);
  if (command === 'uninstall-host' && values['allow-private']) throw new InstallError('uninstall-host: --allow-private only applies to install-host.');
  const timeout = values['timeout-ms'];
  if (timeout !== undefined && command === 'uninstall-host') throw new InstallError('uninstall-host: --timeout-ms only applies to install-host.');
  // The browser waits LOCAL_TIMEOUT_MS for an answer; a longer per-port timeout would outlast it.
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) < 100 || Number(timeout) > MAX_HOST_TIMEOUT_MS)) {
    throw new InstallError(`${command}: --timeout-ms must be a whole number of milliseconds from 100 to ${MAX_HOST_TIMEOUT_MS} (the browser waits ${LOCAL_TIMEOUT_MS / 1000} s for the helper), not "${timeout}".`);
  }
  return {
    browser: browser as Browser,
    userDataDir: values['user-data-dir'],
    allowPrivate: values['allow-private'],
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
  };
}

/**
 * The bundle this process runs, which install-host copies for the launcher to start. npm and npx start it
 * through a `.bin/smtp-probe` symlink without an extension, so the link is resolved before looking at the name.
 */
function runningCli(): string {
  const script = process.argv[1];
  const real = script ? safeRealpath(script) : null;
  if (!real || !/\.m?js$/.test(real)) throw new InstallError('install-host must run from the built CLI: run `npm run build:cli`, then `npm run --silent probe -- install-host`.');
  return real;
}

function safeRealpath(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

/** Returns one line per file written or removed. */
export async function installCommand(command: 'install-host' | 'uninstall-host', argv: string[]): Promise<string[]> {
  const flags = parseFlags(command, argv);
  const where = hostLocation(flags.browser, process.platform, homedir(), flags.userDataDir, process.env.LOCALAPPDATA);
  const registry = where.registryKey ? registryCommands(where.registryKey, where.manifest) : null;
  if (command === 'uninstall-host') {
    const lines: string[] = [];
    if (registry) {
      const removed = await reg(registry.remove);
      lines.push(removed.ok ? `Removed registry key: ${where.registryKey}` : `No registry key to remove at ${where.registryKey}`);
    }
    for (const [what, file] of [['host manifest', where.manifest], ['launcher', where.launcher], ['program', where.program]] as const) {
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
  await copyFile(cli, where.program);
  if (registry) {
    await writeFile(where.launcher, launcherBatch(process.execPath, path.win32.basename(where.program), flags.allowPrivate, flags.timeoutMs));
  } else {
    await writeFile(where.launcher, launcherScript(process.execPath, where.program, flags.allowPrivate, flags.timeoutMs), { mode: 0o755 });
    // writeFile's mode only applies when it creates the file; a reinstall keeps it runnable too.
    await chmod(where.launcher, 0o755);
  }
  await writeFile(where.manifest, `${JSON.stringify(hostManifest(flags.browser, where.launcher), null, 2)}\n`);
  const lines = [`Copied the probe: ${where.program}`, `Wrote launcher: ${where.launcher}`, `Wrote host manifest for ${flags.browser}: ${where.manifest}`];
  if (registry) {
    const added = await reg(registry.add);
    if (!added.ok) throw new InstallError(`Wrote the files, but could not set the registry key ${where.registryKey}: ${added.message}`);
    lines.push(`Wrote registry key: ${where.registryKey} (default value: ${where.manifest})`);
  }
  return lines;
}
