import { describe, expect, it } from 'vitest';
import { hostLocation, hostManifest, InstallError, launcherScript } from '../../src/cli/install-host';

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
    });
  });

  it('uses <DIR>/NativeMessagingHosts for a --user-data-dir profile', () => {
    expect(hostLocation('chromium', 'linux', '/home/ann', '/tmp/profile').folder).toBe('/tmp/profile/NativeMessagingHosts');
  });

  it('says Windows needs the registry, with the manifest path it would need', () => {
    expect(() => hostLocation('chrome', 'win32', 'C:\\Users\\ann')).toThrow(InstallError);
    expect(() => hostLocation('chrome', 'win32', 'C:\\Users\\ann')).toThrow(/registry.*com\.smtp_port_assistant\.probe\.json.*HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts/);
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
});
