/**
 * Test certificates made with the openssl command line in a temporary directory.
 * `openssl ca` is used because it is the only 3.0 command that sets arbitrary validity dates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
}

export interface CertificateWorkshop {
  make(options: { commonName: string; dnsNames: string[]; notBefore?: string; notAfter?: string }): TestCertificate;
  cleanUp(): void;
}

const CA_CONFIG = `[ca]
default_ca = fixture
[fixture]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
[anything]
commonName = supplied
`;

/** Dates in openssl's YYYYMMDDHHMMSSZ form; the default is valid from yesterday for a year. */
function opensslDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

export function certificateWorkshop(): CertificateWorkshop {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-certs-'));
  let count = 0;
  return {
    make({ commonName, dnsNames, notBefore, notAfter }) {
      count += 1;
      const work = join(dir, String(count));
      execFileSync('mkdir', ['-p', work]);
      writeFileSync(join(work, 'ca.cnf'), CA_CONFIG);
      writeFileSync(join(work, 'index.txt'), '');
      writeFileSync(join(work, 'serial'), `${(0x1000 + count).toString(16).padStart(4, '0')}\n`);
      const san = dnsNames.map((name) => `DNS:${name}`).join(',');
      const run = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe', timeout: 20_000 });
      run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'req.pem', '-subj', `/CN=${commonName}`, ...(san ? ['-addext', `subjectAltName=${san}`] : [])]);
      const day = 24 * 3600 * 1000;
      run([
        'ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.pem', '-out', 'cert.pem', '-notext',
        '-startdate', notBefore ?? opensslDate(new Date(Date.now() - day)),
        '-enddate', notAfter ?? opensslDate(new Date(Date.now() + 365 * day)),
      ]);
      return { key: readFileSync(join(work, 'key.pem'), 'utf8'), cert: readFileSync(join(work, 'cert.pem'), 'utf8') };
    },
    cleanUp() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
