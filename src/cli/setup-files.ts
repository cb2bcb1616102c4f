/**
 * `smtp-probe setup-files EMAIL [--incoming imap|pop3:HOST:PORT:tls|starttls] --out DIR` writes the four
 * setup files (src/core/setup-files): DIR/<domain>.mobileconfig, DIR/config-v1.1.xml,
 * DIR/autodiscover.xml and DIR/<domain>-srv.zone. The outgoing server is `--server --port --security`,
 * or, without `--server`, the recommendation of a check run first (the probe's own discovery and ports),
 * whose discovery also supplies the incoming server when `--incoming` is left out.
 *
 * Existing files are never replaced silently: without --force, nothing is written when any of the four
 * already exists, and the message names it.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IncomingServerCandidate, Recommendation } from '../core/api';
import { checkEmail, checkIncoming, checkOutgoing, checkProfile, parseIncomingSpec, publishPlaces, setupFiles, SetupFileError, type IncomingSetting } from '../core/setup-files';
import { argumentError } from './argument-error';

export const SETUP_FILES_HELP = `Usage: smtp-probe setup-files EMAIL --out DIR [--incoming imap|pop3:HOST:PORT:tls|starttls]
         [--server HOST --port N --security starttls|tls] [--username FORM] [--name NAME]
         [--force] [--allow-private] [--timeout-ms N]

Writes the files mail programs set themselves up from, for EMAIL:
  DIR/<domain>.mobileconfig  Apple configuration profile (iPhone, iPad, Mac Mail); unsigned, no password
  DIR/config-v1.1.xml        Mozilla autoconfig (Thunderbird, Evolution, KMail...)
  DIR/autodiscover.xml       Outlook Autodiscover (POX) response
  DIR/<domain>-srv.zone      RFC 6186 / RFC 8314 SRV records, as zone-file lines

Without --server, the outgoing server, port and security come from a check of EMAIL run first
(discovery, then the ports), exactly as \`smtp-probe EMAIL\` does; without --incoming, the incoming
server is the one the provider's autoconfig or ISPDB file names, when the check found one.

Options:
  --incoming SPEC     the incoming server: imap:mail.example.net:993:tls, pop3:HOST:995:tls...
                      (needed with --server, or when the check finds none)
  --out DIR           where to write (created when missing)
  --server HOST       the outgoing server; needs --port and --security
  --username FORM     the login: %EMAILADDRESS% (default), %EMAILLOCALPART% or a fixed name
  --name NAME         the provider's name shown in the files (default: the domain)
  --force             replace files that already exist (otherwise nothing is written)

Exit status: 0 written, 1 the check found no usable setting, 2 bad input, refused target or existing
files, 3 internal failure, 4 the server name could not be looked up just now (try again later).
`;

export class SetupFilesError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export interface SetupFilesDeps {
  /**
   * Runs the check of the address (the probe's own code path): its recommendation, or null, and the
   * incoming servers its discovery read from the provider's file.
   */
  check: (
    email: string,
    options: { allowPrivate: boolean; timeoutMs: string | undefined },
  ) => Promise<{ recommendation: Recommendation | null; incoming: IncomingServerCandidate[]; warnings?: string[] }>;
}

function required(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value.trim() === '') throw new SetupFilesError(`Give ${flag}, e.g. ${flag} ${example}.`);
  return value;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

export async function setupFilesCommand(argv: string[], deps: SetupFilesDeps): Promise<string> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        incoming: { type: 'string' },
        out: { type: 'string' },
        server: { type: 'string' },
        port: { type: 'string' },
        security: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        force: { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new SetupFilesError(`${argumentError(error)} See setup-files --help.`);
  }
  if (values.help) return SETUP_FILES_HELP;
  if (positionals.length !== 1) throw new SetupFilesError(positionals.length === 0 ? 'Give the email address the files are for.' : 'Give only one email address.');
  try {
    const { email } = checkEmail(positionals[0]);
    const out = required(values.out, '--out', 'setup-files');
    if (values.server === undefined && (values.port !== undefined || values.security !== undefined)) {
      throw new SetupFilesError('--port and --security go with --server; without --server the check chooses them.');
    }
    let username = values.username;
    /** What the check warned of (an expired certificate…): the files send customers to that server. */
    let warnings: string[] = [];
    // The outgoing server given is checked before the incoming one is asked for: its mistake comes first.
    const given =
      values.server === undefined
        ? null
        : checkOutgoing({ hostname: values.server, port: required(values.port, '--port', '587'), security: required(values.security, '--security', 'starttls'), authentication: 'password' });
    let incoming: IncomingSetting | null = values.incoming === undefined && given === null ? null : parseIncomingSpec(required(values.incoming, '--incoming', 'imap:mail.example.net:993:tls'));
    let outgoing: { hostname: string; port: string | number; security: string; authentication: string };
    if (given) {
      outgoing = given;
    } else {
      const { recommendation, incoming: discovered, warnings: found = [] } = await deps.check(email, { allowPrivate: values['allow-private'], timeoutMs: values['timeout-ms'] });
      warnings = found;
      if (!recommendation) throw new SetupFilesError('The check found no usable outgoing setting, so no files were written.', 1);
      incoming ??= discovered.length > 0 ? checkIncoming(discovered[0]!) : null;
      if (!incoming) throw new SetupFilesError('The check found no published incoming server; give --incoming, e.g. --incoming imap:mail.example.net:993:tls.');
      outgoing = { hostname: recommendation.server, port: recommendation.port, security: recommendation.security, authentication: recommendation.authentication };
      username ??= recommendation.username?.pattern;
    }
    if (!incoming) throw new SetupFilesError('Give --incoming, e.g. --incoming imap:mail.example.net:993:tls.');
    const input = checkProfile({ email, outgoing, incoming, username, displayName: values.name });
    const files = setupFiles(input);

    const folder = path.resolve(out);
    const folderStat = await stat(folder).catch(() => null);
    if (folderStat && !folderStat.isDirectory()) throw new SetupFilesError(`--out ${out} is a file, not a folder.`);
    const targets = files.map((file) => ({ file, at: path.join(folder, file.name) }));
    if (!values.force) {
      const present = [];
      for (const target of targets) if (await exists(target.at)) present.push(target.file.name);
      if (present.length > 0) throw new SetupFilesError(`${present.join(', ')} already ${present.length === 1 ? 'exists' : 'exist'} in ${out}; nothing was written. Add --force to replace.`);
    }
    await mkdir(folder, { recursive: true });
    for (const target of targets) await writeFile(target.at, target.file.content, { flag: values.force ? 'w' : 'wx' });

    const places = publishPlaces(input.domain);
    return [
      `Outgoing: ${input.outgoing.hostname} port ${input.outgoing.port} ${input.outgoing.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'}; incoming: ${input.incoming.protocol.toUpperCase()} ${input.incoming.hostname} port ${input.incoming.port} ${input.incoming.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'}.`,
      ...(warnings.length > 0 ? ['The check also found (customers will meet it too):', ...warnings.map((warning) => `  - ${warning}`)] : []),
      ...targets.map((target) => `Wrote ${target.at}`),
      '',
      `${files[0]!.name}: send it to the customer (attach it to the reply); opening it adds a new account, so remove the old one first. It is unsigned, so the device shows "Not verified".`,
      `config-v1.1.xml: publish at ${places.autoconfig.join(' and ')}`,
      `autodiscover.xml: publish at ${places.autodiscover.join(', ')}`,
      `${files[3]!.name}: add the lines to the DNS zone of ${places.zone}`,
      '',
    ].join('\n');
  } catch (error) {
    if (error instanceof SetupFileError) throw new SetupFilesError(error.message);
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E(ACCES|PERM|ROFS|NOTDIR|EXIST|NOSPC)$/.test(error.code)) {
      throw new SetupFilesError(`Could not write the files: ${error.code === 'EEXIST' ? 'a file appeared while writing' : error.code === 'ENOSPC' ? 'the disk is full' : 'permission denied or not a folder'} (${error.code}).`);
    }
    throw error;
  }
}
