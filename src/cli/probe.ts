/**
 * `smtp-probe TARGET`: the same probe as the service's POST /v1/probe, from a terminal.
 * Exit status: 0 a usable setting was found, 1 none was, 2 the input was wrong or the target refused,
 * 3 the probe itself failed (an unexpected exception: a bug, not an answer about the server).
 *
 * Imports no server framework: it is bundled into one file and its start-up time is part of what a
 * person (or an agent calling it in a loop) waits for.
 */
import { parseArgs } from 'node:util';
// Only the version field is bundled (esbuild keeps the JSON's used top-level keys).
import { version } from '../../package.json';
import { PROBE_PORTS, type ApiErrorCode, type PortResult, type ProbePort, type ProbeReport } from '../core/api';
import { hostBothWays } from '../core/readable-host';
import { checkPortText } from '../core/port-list';
import { cleanText, terminalJson, terminalSafe } from '../core/sanitize';
import { describeAuthMechanisms, describeCertificate, describeNoFallback, describePort, describeSecurity, describeNoRecommendation } from '../core/diagnosis/describe';
import { usernameWords } from '../core/diagnosis/username';
import { createSafeFetch } from '../server/discovery/http-fetch';
import { probeTarget } from '../server/probe';
import { LookupUnavailableError } from '../server/dns';
import { TargetError } from '../server/guard';
import { DEFAULT_TIMEOUTS, type ProbeTimeouts } from '../server/smtp/probe-port';
import { InstallError, installCommand } from './install-host';
import { setupFilesCommand, SetupFilesError } from './setup-files';
import { runNativeHost } from './native-host';
import { probePortThrough, resolverFor, testNetworkFromEnv, TestNetworkError } from './test-network';
import { argumentError } from './argument-error';

const HELP = `Usage: smtp-probe TARGET [options]
       smtp-probe setup-files EMAIL --out DIR [--incoming imap|pop3:HOST:PORT:tls|starttls] [--server HOST --port N --security starttls|tls]
       smtp-probe install-host | uninstall-host [--browser chrome|chromium|edge|firefox] [--user-data-dir DIR] [--allow-private] [--timeout-ms N]
       smtp-probe --native-host [--allow-private] [--timeout-ms N]   (started by the browser)
       smtp-probe serve   (the probe service; settings from the environment: HOST, PORT, TRUST_PROXY...)

Finds the outgoing mail server of TARGET (an email address, a domain or a server name)
and reports what ports 25, 465 and 587 (and 2525 when asked for or published) really do,
then the settings to use.

Options:
  --ports LIST        ports to check, comma-separated (from ${PROBE_PORTS.join(', ')}; default 25,465,587)
  --json              print the full report as JSON (the same document as POST /v1/probe)
  --allow-private     testing a local server: also allow loopback (127.0.0.0/8, ::1),
                      RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique-local (fc00::/7),
                      with their IPv4-mapped forms; nothing else (not link-local such as
                      169.254.169.254, CGNAT, documentation, benchmarking or reserved ranges)
  --timeout-ms N      give up on a port after N milliseconds (default ${DEFAULT_TIMEOUTS.totalMs})
  --no-discovery      probe TARGET itself, skip SRV/autoconfig/MX discovery
  -V, --version       print the version and exit
  -h, --help          show this help

setup-files writes an Apple profile, Mozilla autoconfig, Outlook Autodiscover and SRV lines for EMAIL
from a check (or from --server); \`smtp-probe setup-files --help\` says more.

install-host copies this probe and writes the launcher and host manifest (on Windows also the registry
key) that let the extension run this check from your own network; uninstall-host removes them.

Testing only, with --allow-private: SMTP_PROBE_TEST_BLOCK_PORTS=25 makes those ports behave as filtered
(timeout), SMTP_PROBE_TEST_REDIRECT=465=127.0.0.1:PORT sends a port to a loopback interceptor,
SMTP_PROBE_TEST_DNS=127.0.0.1:PORT asks that loopback DNS server alone.

With --json a failure also prints the service's error document ({"error": {"code", "message"}}) on stdout.

Exit status: 0 a usable setting was found, 1 none was, 2 bad input or refused target,
3 internal failure (the check itself broke; please report it), 4 the server name could not be
looked up just now (DNS failed or did not answer; try again later).
`;

class UsageError extends Error {}

function parsePorts(text: string): ProbePort[] {
  const checked = checkPortText(text);
  if (!checked.ok) throw new UsageError(`--ports: ${checked.message}`);
  return checked.ports;
}

function parseTimeout(text: string): Partial<ProbeTimeouts> {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 100 || ms > 600_000) throw new UsageError('--timeout-ms must be a whole number of milliseconds from 100 to 600000.');
  return {
    totalMs: ms,
    connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, ms),
    greetingMs: Math.min(DEFAULT_TIMEOUTS.greetingMs, ms),
    slowGreetingMs: Math.min(DEFAULT_TIMEOUTS.slowGreetingMs, ms),
    commandMs: Math.min(DEFAULT_TIMEOUTS.commandMs, ms),
  };
}

function table(input: string[][]): string {
  // A cell is one line of text: server-supplied text inside it (a certificate name, say) cannot break
  // the layout or reach the terminal as a control sequence.
  const rows = input.map((row) => row.map(cleanText));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function portRow(result: PortResult): string[] {
  const ok = result.state === 'ok';
  return [
    String(result.port),
    result.family === 6 ? `[${result.address}]` : result.address,
    describePort(result),
    ok ? describeSecurity(result.security) : '—',
    describeCertificate(result.tls),
    // A login offered on a port that never got encrypted is offered in the clear: said, not hidden behind a dash.
    ok ? describeAuthMechanisms(result.auth) : result.auth.length > 0 ? `${describeAuthMechanisms(result.auth)} (unencrypted)` : '—',
  ];
}

function humanReport(report: ProbeReport): string {
  const lines: string[] = [];
  const via = report.discovery?.candidates.find((candidate) => candidate.hostname === report.server);
  lines.push(`Outgoing server: ${hostBothWays(report.server)}${via ? ` (found via ${via.detail})` : ''}`);
  lines.push('');
  lines.push(table([['PORT', 'ADDRESS', 'STATE', 'SECURITY', 'CERTIFICATE', 'LOGIN'], ...report.ports.map(portRow)]));
  lines.push('');
  if (report.recommendation) {
    lines.push(`Recommendation: ${report.recommendation.summary}`);
    const username = report.recommendation.username;
    if (username) lines.push(`User name: ${usernameWords(username, 'en')}`);
    const alternative = report.recommendation.alternative;
    if (alternative) lines.push(`Also works: port ${alternative.port} with ${describeSecurity(alternative.security)}.`);
    const noFallback = describeNoFallback(report);
    if (noFallback) lines.push(noFallback);
  } else {
    lines.push(`Recommendation: ${describeNoRecommendation(report.warnings)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of report.warnings) lines.push(`  - ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line for stderr: whatever an error message quotes cannot add lines or control sequences. */
function oneLine(text: string): string {
  return cleanText(text);
}

function finish(code: number, stdout: string, stderr = ''): void {
  // Nothing reaches the terminal with control or bidi characters in it, whatever a server sent: the
  // report's fields are cleaned as they enter it, and everything printed is cleaned again here.
  // Exit as soon as the output is written: a probe leaves nothing worth waiting for.
  if (stderr) process.stderr.write(terminalSafe(stderr));
  process.stdout.write(terminalSafe(stdout), () => process.exit(code));
}

/**
 * Browsers start the host with arguments of their own (Chrome: the caller origin; Firefox: the manifest
 * path and the extension id), so only our flags are read and everything else is ignored.
 */
async function nativeHostMain(argv: string[]): Promise<void> {
  const allowPrivate = argv.includes('--allow-private');
  const timeoutIndex = argv.indexOf('--timeout-ms');
  try {
    const timeouts = timeoutIndex === -1 ? undefined : parseTimeout(argv[timeoutIndex + 1] ?? '');
    const testNetwork = testNetworkFromEnv(process.env, allowPrivate);
    const code = await runNativeHost({ allowPrivate, testNetwork, ...(timeouts ? { timeouts } : {}) });
    process.exit(code);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TestNetworkError) return finish(2, '', `smtp-probe: ${oneLine(error.message)}\n`);
    throw error;
  }
}

async function installMain(command: 'install-host' | 'uninstall-host', argv: string[]): Promise<void> {
  try {
    const lines = await installCommand(command, argv);
    return finish(0, `${lines.join('\n')}\n`);
  } catch (error) {
    if (error instanceof InstallError) return finish(error.exitCode, '', `smtp-probe: ${oneLine(error.message)}\n`);
    return finish(3, '', `smtp-probe: ${command} failed unexpectedly: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
  }
}

/**
 * The service is a separate file next to this one (build/server/serve.js), loaded only here: the
 * probe's own start-up never parses the HTTP framework. The path is a variable so esbuild leaves the
 * import alone instead of bundling the service into this file; under tsx, serve.js resolves to serve.ts.
 */
async function serveMain(argv: string[]): Promise<void> {
  if (argv.length > 0) {
    return finish(2, '', 'smtp-probe: serve takes no arguments; it reads its settings from the environment (see README, "Operating the service").\n');
  }
  const servicePath = '../server/serve.js';
  try {
    await import(servicePath);
  } catch (error) {
    // A copy of this file on its own (install-host makes one) has no service beside it.
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /Cannot find module '[^']*serve\.js'/.test((error as Error).message)) {
      return finish(2, '', 'smtp-probe: the service is not installed beside this copy of the probe; run `smtp-probe serve` from the npm package (build/server/serve.js).\n');
    }
    throw error;
  }
}

async function setupFilesMain(argv: string[]): Promise<void> {
  try {
    const output = await setupFilesCommand(argv, {
      check: async (email, { allowPrivate, timeoutMs }) => {
        const timeouts = timeoutMs === undefined ? undefined : parseTimeout(timeoutMs);
        const testNetwork = testNetworkFromEnv(process.env, allowPrivate);
        const report = await probeTarget(email, {
          resolver: resolverFor(testNetwork),
          fetch: createSafeFetch({ allowPrivate }),
          allowPrivate,
          discover: true,
          ...(timeouts ? { timeouts } : {}),
          ...(testNetwork ? { probePort: probePortThrough(testNetwork) } : {}),
          ...(process.env.ISPDB_URL ? { ispdbUrl: process.env.ISPDB_URL } : {}),
        });
        // What concerns the port the files publish (its certificate, login before STARTTLS), or the server as a whole.
        const port = report.recommendation?.port;
        const warnings = report.warnings
          .filter((warning) => (warning.port === undefined && warning.code !== 'addresses-skipped') || warning.port === port)
          .map((warning) => warning.message);
        return { recommendation: report.recommendation, incoming: report.discovery?.incoming ?? [], warnings };
      },
    });
    return finish(0, output);
  } catch (error) {
    if (error instanceof SetupFilesError) return finish(error.exitCode, '', `smtp-probe: ${oneLine(error.message)}\n`);
    if (error instanceof UsageError || error instanceof TargetError || error instanceof TestNetworkError) return finish(2, '', `smtp-probe: ${oneLine(error.message)}\n`);
    if (error instanceof LookupUnavailableError) return finish(4, '', `smtp-probe: ${oneLine(error.message)} No files were written.\n`);
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return finish(1, '', 'smtp-probe: The check took too long and was stopped; no files were written.\n');
    }
    return finish(3, '', `smtp-probe: setup-files failed unexpectedly: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--native-host')) return nativeHostMain(argv);
  if (argv[0] === 'serve') return serveMain(argv.slice(1));
  if (argv[0] === 'setup-files') return setupFilesMain(argv.slice(1));
  if (argv[0] === 'install-host' || argv[0] === 'uninstall-host') return installMain(argv[0], argv.slice(1));
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ports: { type: 'string' },
        json: { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
        'no-discovery': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    }));
  } catch (error) {
    // A script that asked for JSON reads why on stdout too, as for every other failure.
    const reason = `${argumentError(error)} See --help.`;
    return finish(2, argv.includes('--json') ? `${terminalJson({ error: { code: 'invalid-request', message: reason } }, 2)}\n` : '', `smtp-probe: ${oneLine(reason)}\n`);
  }
  if (values.help) return finish(0, HELP);
  if (values.version) return finish(0, `smtp-probe ${version}\n`);
  try {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Give one target: an email address, a domain or a server name.' : 'Give only one target.');
    const ports = values.ports === undefined ? undefined : parsePorts(values.ports);
    const timeouts = values['timeout-ms'] === undefined ? undefined : parseTimeout(values['timeout-ms']);
    const allowPrivate = values['allow-private'];
    const testNetwork = testNetworkFromEnv(process.env, allowPrivate);
    const report = await probeTarget(positionals[0]!, {
      resolver: resolverFor(testNetwork),
      fetch: createSafeFetch({ allowPrivate }),
      allowPrivate,
      discover: !values['no-discovery'],
      ...(ports ? { ports } : {}),
      ...(timeouts ? { timeouts } : {}),
      ...(testNetwork ? { probePort: probePortThrough(testNetwork) } : {}),
      ...(process.env.ISPDB_URL ? { ispdbUrl: process.env.ISPDB_URL } : {}),
    });
    const output = values.json ? `${terminalJson(report, 2)}\n` : humanReport(report);
    return finish(report.recommendation ? 0 : 1, output);
  } catch (error) {
    // With --json a script reads stdout: it gets the service's error document ({"error": {code, message}}) there
    // too, and a person the same sentence on stderr.
    const fail = (code: number, apiCode: ApiErrorCode, message: string, retryAfterSeconds?: number) =>
      finish(
        code,
        values.json ? `${terminalJson({ error: { code: apiCode, message: oneLine(message), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } }, 2)}\n` : '',
        `smtp-probe: ${oneLine(message)}\n`,
      );
    if (error instanceof TargetError) return fail(2, error.code, error.message);
    if (error instanceof UsageError || error instanceof TestNetworkError) return fail(2, 'invalid-request', error.message);
    if (error instanceof LookupUnavailableError) return fail(4, 'dns-unavailable', error.message, LookupUnavailableError.RETRY_SECONDS);
    // A deadline that ran out is an answer of sorts (nothing usable found in time); anything else
    // unexpected is the probe's own failure and gets its own status, so scripts do not read it as
    // "the server has no usable setting".
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return fail(1, 'timeout', 'The check took too long and was stopped.');
    }
    return fail(3, 'internal', `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) =>
  finish(3, '', `smtp-probe: internal failure: ${oneLine(error instanceof Error ? error.message : String(error))}\n`),
);
