import { describe, expect, it } from 'vitest';
import { hostLocation, hostManifest, installCommand, InstallError, launcherBatch, launcherScript, registryCommands } from '../../src/cli/install-host';

describe('hostLocation', () => {
  it.each([
    ['chrome', 'linux', '/home/ann/.config/google-chrome/NativeMessagingHosts'],
    ['chromium', 'linux', '/home/ann/.config/chromium/NativeMessagingHosts'],
    ['edge', 'linux', '/home/ann/.config/microsoft-edge/NativeMessagingHosts'],
    ['firefox', 'linux', '/home/ann/.mozilla/native-messaging-hosts'],
    ['chrome', 'darwin', '/home/ann/Library/Application Support/Google/Chrome/NativeMessagingHosts'],
    ['chromium', 'darwin', '/home/ann/Library/Application Support/Chromium/NativeMessagingHosts'],
    ['edge', 'darwin', '/home/ann/Library/Application Support/Microsoft Edge/NativeMessagingHosts'],
    ['firefox', 'darwin', '/home/ann/Library/Application Support/Mozilla/NativeMessagingHosts'],
  ] as const)('%s on %s', (browser, platform, folder) => {
    expect(hostLocation(browser, platform, '/home/ann')).toEqual({
      folder,
      manifest: `${folder}/com.smtp_port_assistant.probe.json`,
      launcher: `${folder}/com.smtp_port_assistant.probe.sh`,
      program: `${folder}/com.smtp_port_assistant.probe.mjs`,
    });
  });

  it('uses <DIR>/NativeMessagingHosts for a --user-data-dir profile', () => {
    expect(hostLocation('chromium', 'linux', '/home/ann', '/tmp/profile').folder).toBe('/tmp/profile/NativeMessagingHosts');
  });

  it.each([
    ['chrome', 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.smtp_port_assistant.probe'],
    ['chromium', 'HKCU\\Software\\Chromium\\NativeMessagingHosts\\com.smtp_port_assistant.probe'],
    ['edge', 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.smtp_port_assistant.probe'],
    ['firefox', 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\com.smtp_port_assistant.probe'],
  ] as const)('on Windows, %s: files under LOCALAPPDATA, one pair per browser, and the registry key that names them', (browser, key) => {
    const folder = 'C:\\Users\\ann\\AppData\\Local\\smtp-port-assistant\\NativeMessagingHosts';
    expect(hostLocation(browser, 'win32', 'C:\\Users\\ann', undefined, 'C:\\Users\\ann\\AppData\\Local')).toEqual({
      folder,
      manifest: `${folder}\\com.smtp_port_assistant.probe.${browser}.json`,
      launcher: `${folder}\\com.smtp_port_assistant.probe.${browser}.bat`,
      program: `${folder}\\com.smtp_port_assistant.probe.${browser}.mjs`,
      registryKey: key,
    });
    // Without LOCALAPPDATA the profile's own AppData\Local is used.
    expect(hostLocation(browser, 'win32', 'C:\\Users\\ann').folder).toBe(folder);
  });

  it('on Windows refuses --user-data-dir, which browsers there do not read', () => {
    expect(() => hostLocation('chrome', 'win32', 'C:\\Users\\ann', 'C:\\tmp\\profile')).toThrow(/registry only, so --user-data-dir does not apply/);
  });

  it('names the platform it does not know', () => {
    expect(() => hostLocation('chrome', 'aix', '/home/ann')).toThrow(InstallError);
  });
});

describe('Windows registration', () => {
  it('sets and deletes the default value of the key with reg.exe, without prompting', () => {
    const key = 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.smtp_port_assistant.probe';
    const manifest = 'C:\\Users\\ann\\AppData\\Local\\smtp-port-assistant\\NativeMessagingHosts\\com.smtp_port_assistant.probe.chrome.json';
    expect(registryCommands(key, manifest)).toEqual({
      add: ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifest, '/f'],
      remove: ['delete', key, '/f'],
    });
  });

  it('writes a batch launcher that passes the browser arguments on and survives % in paths', () => {
    const batch = launcherBatch('C:\\Users\\100%ann\\nodejs\\node.exe', 'com.smtp_port_assistant.probe.chrome.mjs', true, 2000);
    expect(batch.split('\r\n')).toEqual([
      '@echo off',
      'rem Written by `smtp-probe install-host`; removed by `smtp-probe uninstall-host`.',
      '"C:\\Users\\100%%ann\\nodejs\\node.exe" "%~dp0com.smtp_port_assistant.probe.chrome.mjs" --native-host --allow-private --timeout-ms 2000 %*',
      '',
    ]);
    expect(launcherBatch('C:\\node.exe', 'a.mjs', false)).toBe('@echo off\r\nrem Written by `smtp-probe install-host`; removed by `smtp-probe uninstall-host`.\r\n"C:\\node.exe" "%~dp0a.mjs" --native-host %*\r\n');
    // Node under a user folder with non-ASCII letters: cmd.exe is told to read the file as UTF-8 first.
    expect(launcherBatch('C:\\Users\\José\\nvm\\node.exe', 'a.mjs', false).split('\r\n').slice(2, 4)).toEqual(['chcp 65001 >nul', '"C:\\Users\\José\\nvm\\node.exe" "%~dp0a.mjs" --native-host %*']);
  });
});

describe('hostManifest', () => {
  it('lets only our Chrome extension id in', () => {
    expect(hostManifest('chrome', '/x/host.sh')).toEqual({
      name: 'com.smtp_port_assistant.probe',
      description: expect.any(String),
      path: '/x/host.sh',
      type: 'stdio',
      allowed_origins: ['chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb/'],
    });
  });

  it('lets only our gecko id in for Firefox', () => {
    expect(hostManifest('firefox', '/x/host.sh')).toMatchObject({ allowed_extensions: ['smtp-port-assistant@smtp-port-assistant.org'] });
    expect(hostManifest('firefox', '/x/host.sh')).not.toHaveProperty('allowed_origins');
  });
});

describe('launcherScript', () => {
  it('runs the built CLI with this node, quoting paths', () => {
    const script = launcherScript('/opt/node 20/bin/node', "/srv/it's/smtp-probe.js", false);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`exec '/opt/node 20/bin/node' '/srv/it'\\''s/smtp-probe.js' --native-host "$@"\n`);
    expect(script).not.toContain('--allow-private');
  });

  it('records --allow-private when installed for testing', () => {
    expect(launcherScript('/usr/bin/node', '/a.js', true)).toContain("exec '/usr/bin/node' '/a.js' --native-host --allow-private \"$@\"");
  });

  it('carries a shorter per-port timeout when installed with --timeout-ms', () => {
    expect(launcherScript('/usr/bin/node', '/a.js', true, 2000)).toContain("exec '/usr/bin/node' '/a.js' --native-host --allow-private --timeout-ms 2000 \"$@\"");
    expect(launcherScript('/usr/bin/node', '/a.js', false, 15000)).toContain("--native-host --timeout-ms 15000 \"$@\"");
  });
});

describe('install-host flags', () => {
  it.each([
    [['--timeout-ms', 'soon'], /--timeout-ms must be a whole number of milliseconds from 100 to 60000 \(the browser waits 90 s for the helper\), not "soon"/],
    [['--timeout-ms', '50'], /from 100 to 60000 .*, not "50"/],
    [['--timeout-ms', '60001'], /from 100 to 60000 .*, not "60001"/],
    [['--browser', 'opera'], /--browser must be one of chrome, chromium, edge, firefox, not "opera"/],
    [['--user-data-dir', ''], /--user-data-dir needs a folder/],
  ])('install-host %j is refused with a clear message, before anything is written', async (argv, message) => {
    await expect(installCommand('install-host', argv)).rejects.toThrow(message);
  });

  it('uninstall-host refuses the install-only flags', async () => {
    await expect(installCommand('uninstall-host', ['--timeout-ms', '2000'])).rejects.toThrow(/--timeout-ms only applies to install-host/);
    await expect(installCommand('uninstall-host', ['--allow-private'])).rejects.toThrow(/--allow-private only applies to install-host/);
  });
});
