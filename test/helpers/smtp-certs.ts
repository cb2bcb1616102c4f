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
  /** The certificate in PEM; when issued by an authority, followed by the authority's certificate (the chain a server sends). */
  cert: string;
}

export interface CertificateOptions {
  commonName: string;
  dnsNames: string[];
  /** IP addresses for the subjectAltName (iPAddress entries). */
  ipAddresses?: string[];
  notBefore?: string;
  notAfter?: string;
  /** RSA key size; 2048 unless given (512 makes a key no mail client should accept). */
  rsaBits?: number;
  /** An EC key on this named curve (e.g. secp224r1) instead of RSA. */
  ecCurve?: string;
  /** Signature digest; sha256 unless given. */
  digest?: 'sha1' | 'sha256';
  /** Signed by this authority instead of by itself. */
  issuedBy?: TestCertificate;
}

export interface CertificateWorkshop {
  make(options: CertificateOptions): TestCertificate;
  /** A private certificate authority (self-signed, CA:TRUE) that no trust store knows. */
  authority(commonName: string): TestCertificate;
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
    make({ commonName, dnsNames, ipAddresses = [], notBefore, notAfter, rsaBits = 2048, ecCurve, digest = 'sha256', issuedBy }) {
      count += 1;
      const work = join(dir, String(count));
      execFileSync('mkdir', ['-p', work]);
      writeFileSync(join(work, 'ca.cnf'), CA_CONFIG);
      writeFileSync(join(work, 'index.txt'), '');
      writeFileSync(join(work, 'serial'), `${(0x1000 + count).toString(16).padStart(4, '0')}\n`);
      const san = [...dnsNames.map((name) => `DNS:${name}`), ...ipAddresses.map((ip) => `IP:${ip}`)].join(',');
      const run = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe', timeout: 20_000 });
      const key = ecCurve ? ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${ecCurve}`] : ['-newkey', `rsa:${rsaBits}`];
      run(['req', '-new', ...key, '-nodes', '-keyout', 'key.pem', '-out', 'req.pem', '-subj', `/CN=${commonName}`, ...(san ? ['-addext', `subjectAltName=${san}`] : [])]);
      const day = 24 * 3600 * 1000;
      if (issuedBy) {
        writeFileSync(join(work, 'issuer-cert.pem'), issuedBy.cert);
        writeFileSync(join(work, 'issuer-key.pem'), issuedBy.key);
      }
      run([
        'ca', '-batch', '-config', 'ca.cnf', '-md', digest, '-notext', '-in', 'req.pem', '-out', 'cert.pem',
        ...(issuedBy ? ['-cert', 'issuer-cert.pem', '-keyfile', 'issuer-key.pem'] : ['-selfsign', '-keyfile', 'key.pem']),
        '-startdate', notBefore ?? opensslDate(new Date(Date.now() - day)),
        '-enddate', notAfter ?? opensslDate(new Date(Date.now() + 365 * day)),
      ]);
      const cert = readFileSync(join(work, 'cert.pem'), 'utf8');
      return { key: readFileSync(join(work, 'key.pem'), 'utf8'), cert: issuedBy ? cert + issuedBy.cert : cert };
    },
    authority(commonName) {
      count += 1;
      const work = join(dir, String(count));
      execFileSync('mkdir', ['-p', work]);
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3650', '-subj', `/CN=${commonName}`,
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      ], { cwd: work, stdio: 'pipe', timeout: 20_000 });
      return { key: readFileSync(join(work, 'key.pem'), 'utf8'), cert: readFileSync(join(work, 'cert.pem'), 'utf8') };
    },
    cleanUp() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
