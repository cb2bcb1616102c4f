/**
 * For the interop tests: the built CLI run against one interop server, swaks's view of the same
 * port for a cross-check, and the certificate files the servers present.
 */
import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PortResult, ProbeReport } from '../../src/core/api';
import { INTEROP_CA, INTEROP_CERTS } from '../../scripts/lib/interop';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${ROOT}build/cli/smtp-probe.js`;

/** Build the CLI bundle from the current source, as `npm install` (prepare) does. */
export function buildCli(): void {
  execFileSync(process.execPath, [`${ROOT}node_modules/tsx/dist/cli.mjs`, `${ROOT}scripts/build-cli.ts`], { cwd: ROOT, stdio: 'ignore' });
}

export interface CliRun {
  code: number;
  report: ProbeReport;
  stderr: string;
  elapsedMs: number;
}

/**
 * `smtp-probe ADDRESS --json --allow-private --ports … --timeout-ms …`. With `trustCa` the private CA is
 * added to Node's trust store (NODE_EXTRA_CA_CERTS), as on a machine where an administrator installed it.
 */
export function probeCli(address: string, ports: number[], options: { timeoutMs: number; trustCa?: boolean }): Promise<CliRun> {
  const args = [CLI, address, '--json', '--allow-private', '--ports', ports.join(','), '--timeout-ms', String(options.timeoutMs)];
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (options.trustCa) env.NODE_EXTRA_CA_CERTS = INTEROP_CA;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      try {
        resolve({ code, report: JSON.parse(stdout) as ProbeReport, stderr, elapsedMs: Date.now() - started });
      } catch {
        reject(new Error(`smtp-probe ${address} printed no JSON (exit ${code}): ${stderr.slice(0, 500)}`));
      }
    });
  });
}

export function port(report: ProbeReport, number: number): PortResult {
  const found = report.ports.find((result) => result.port === number);
  if (!found) throw new Error(`the report has no port ${number}`);
  return found;
}

export function warningCodes(report: ProbeReport, number?: number): string[] {
  return report.warnings.filter((warning) => number === undefined || warning.port === number).map((warning) => warning.code);
}

/** What OpenSSL prints in its error strings; a person should never see it. */
export const RAW_OPENSSL = /error:[0-9A-F]{8}|SSL routines|deps\/openssl|rec_layer_s3|\.\.\/ssl\//;

export interface SwaksView {
  /** EHLO keywords before TLS (all of them on a plaintext-only session), without the greeting line. */
  beforeTls: string[] | null;
  afterTls: string[] | null;
  /** e.g. TLSv1.3 */
  protocol: string | null;
  cipher: string | null;
}

/**
 * One swaks session up to the EHLO after TLS. `mode`: 'starttls', 'implicit' (--tlsc) or 'plain'.
 * swaks marks server lines "<-" before TLS and "<~" after it.
 */
export function swaks(address: string, portNumber: number, mode: 'starttls' | 'implicit' | 'plain'): SwaksView {
  const tlsArgs = mode === 'starttls' ? ['--tls'] : mode === 'implicit' ? ['--tlsc'] : [];
  const output = execFileSync(
    'swaks',
    ['--server', address, '--port', String(portNumber), ...tlsArgs, '--quit-after', 'HELO', '--ehlo', 'interop.test', '--timeout', '10'],
    { encoding: 'utf8', timeout: 20_000 },
  );
  const keywords = (marker: '<-' | '<~'): string[] | null => {
    const lines = output.split('\n').filter((line) => line.startsWith(`${marker}  250`));
    if (lines.length === 0) return null;
    return lines.slice(1).map((line) => line.slice(`${marker}  250-`.length).trim());
  };
  const started = /=== TLS started with cipher ([^:]+):([^:]+):/.exec(output);
  return {
    beforeTls: keywords('<-'),
    afterTls: keywords('<~'),
    protocol: started?.[1] ?? null,
    cipher: started?.[2] ?? null,
  };
}

export interface CertificateFile {
  subject: string;
  issuer: string;
  fingerprint256: string;
  validFrom: string;
  validTo: string;
}

/** A certificate the setup script made (exim, expired, wrongname, haraka, aiosmtpd), read from its file. */
export function certificateFile(name: string): CertificateFile {
  const certificate = new X509Certificate(readFileSync(`${INTEROP_CERTS}${name}.pem`));
  const cn = (text: string) => /CN=([^\n]+)/.exec(text)?.[1] ?? text;
  return {
    subject: cn(certificate.subject),
    issuer: cn(certificate.issuer),
    fingerprint256: certificate.fingerprint256,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
  };
}
