/**
 * The Debian packages the tests need, found by the files they install. `ensurePackages` installs the
 * missing ones when it may (root with apt-get) and otherwise names them in one line.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromePath, isRoot } from './system';

/** Each package and why the tests need it. */
const REQUIREMENTS: Record<string, string> = {
  chromium: 'end-to-end tests in a real browser',
  'firefox-esr': 'the Firefox end-to-end suite (driven over WebDriver BiDi) and `npm start -- --firefox`',
  postfix: 'the probe is tested against a real mail server',
  swaks: 'the probe benchmark baseline and the interop cross-checks',
  'libnet-ssleay-perl': 'swaks --tls (without it swaks says "TLS not available")',
  'libio-socket-ssl-perl': 'swaks --tls (without it swaks says "TLS not available")',
  'python3-aiosmtpd': 'the aiosmtpd servers of the interop suite',
  // Exim is unpacked from its .deb, not installed (it would remove Postfix), so its libraries come here.
  libidn12: 'Exim in the interop suite',
  'libidn2-0': 'Exim in the interop suite',
  libgnutls30: 'Exim in the interop suite',
  'libgnutls-dane0': 'Exim in the interop suite',
  'libdb5.3': 'Exim in the interop suite',
  'libpcre2-8-0': 'Exim in the interop suite',
  libnsl2: 'Exim in the interop suite',
  libcrypt1: 'Exim in the interop suite',
  'sasl2-bin': 'a test user for SMTP AUTH',
  'libsasl2-modules': 'PLAIN and LOGIN for SMTP AUTH',
  openssl: 'test certificates',
  'redis-server': 'several probe-service instances sharing limits, cache and probes in flight (the tests start their own)',
  xvfb: 'a virtual display, so `npm start` can open a browser window on a machine without one',
};

function installed(pkg: string): boolean {
  // CHROME_PATH points at a browser installed some other way; trust it when it exists.
  if (pkg === 'chromium' && process.env.CHROME_PATH) return existsSync(chromePath());
  if (pkg === 'firefox-esr' && process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH);
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

export function missingPackages(names: string[] = Object.keys(REQUIREMENTS)): string[] {
  return names.filter((pkg) => !installed(pkg));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

/** Returns null when everything is there (perhaps after installing), else the one-line reason. */
export function ensurePackages(names?: string[]): string | null {
  const missing = missingPackages(names);
  if (missing.length === 0) return null;
  const canInstall = isRoot() && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    return `Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`;
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  // Postfix asks how it should deliver mail; "Local only" keeps it off the network.
  const preseed = spawnSync('debconf-set-selections', {
    input: 'postfix postfix/main_mailer_type select Local only\npostfix postfix/mailname string localhost\n',
  });
  if (preseed.status !== 0) console.warn('debconf-set-selections failed; postfix may ask questions.');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update', '-qq'], env)) return 'apt-get update failed; see the lines above.';
  if (!run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env)) {
    return `apt-get could not install: ${missing.join(' ')}`;
  }
  const still = missingPackages(names);
  return still.length === 0 ? null : `Still missing after apt-get: ${still.join(' ')}`;
}
