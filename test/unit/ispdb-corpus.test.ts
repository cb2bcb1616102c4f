/**
 * The autoconfig reader against every provider file of Thunderbird's ISPDB (MPL 2.0, kept outside the
 * project in ../shared/ispdb/ and read from there, never copied in). Each file is read a second time here
 * with linkedom's XML DOM, a different parser from the production one, and the two readings must agree on
 * what the customer types: the preferred outgoing server, its security, the user name and the login.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseAutoconfig } from '../../src/server/discovery';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared/ispdb beside the checkout (or beside the folder of worktrees), or ISPDB_DIR. */
const tried = process.env.ISPDB_DIR ? [path.resolve(process.env.ISPDB_DIR)] : [path.join(root, '../shared/ispdb'), path.join(root, '../../shared/ispdb')];
const folder = tried.find((candidate) => existsSync(candidate));

function corpus(): string[] {
  if (!folder) {
    throw new Error(`The ISPDB provider files are missing: looked in ${tried.join(' and ')}. Put Thunderbird's ispdb/ folder there or set ISPDB_DIR.`);
  }
  return readdirSync(folder).filter((name) => name.endsWith('.xml')).sort();
}

const LOCAL = 'jdoe';

interface Expected {
  hostname: string;
  port: number;
  security: string;
  /** The <username> text as published, null when the element is absent. */
  published: string | null;
  authentication: string[];
}

/** The first SMTP outgoing server of the file, straight from the DOM. */
function readWithDom(xml: string, domain: string): Expected {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const server = [...document.getElementsByTagName('outgoingServer')].find((element) => element.getAttribute('type') === 'smtp');
  if (!server) throw new Error('no SMTP outgoing server');
  const text = (tag: string) => {
    const found = [...server.childNodes].find((node) => node.nodeName === tag);
    return found ? (found.textContent ?? '').trim() : null;
  };
  const socketType = (text('socketType') ?? '').toLowerCase();
  return {
    hostname: (text('hostname') ?? '').replaceAll('%EMAILDOMAIN%', domain).toLowerCase(),
    port: Number(text('port')),
    security: socketType === 'ssl' ? 'tls' : socketType === 'starttls' ? 'starttls' : socketType === 'plain' ? 'none' : `unknown ${socketType}`,
    published: text('username'),
    authentication: [...server.childNodes].filter((node) => node.nodeName === 'authentication').map((node) => (node.textContent ?? '').trim()),
  };
}

/** What the file's first <authentication> asks the client to do, in the report's words. */
function loginOf(published: string[]): string {
  const first = published[0]?.toLowerCase();
  if (first === 'password-cleartext') return 'password';
  if (first === 'password-encrypted') return 'encrypted-password';
  if (first === 'oauth2') return 'oauth2';
  if (first === 'none') return 'none';
  throw new Error(`a login this test does not know: ${String(first)}`);
}

describe("Thunderbird's ISPDB", () => {
  const files = corpus();
  const tally = { files: 0, localPart: 0, address: 0, otherForm: 0, noUsername: 0, encrypted: 0, tlsBeside465: 0 };

  it('holds all 163 provider files', () => {
    expect(files).toHaveLength(163);
  });

  it.each(files)('%s: the preferred server, user name and login match an independent reading', (name) => {
    const domain = name.replace(/\.xml$/, '');
    const xml = readFileSync(path.join(folder!, name), 'utf8');
    const expected = readWithDom(xml, domain);
    const email = `${LOCAL}@${domain}`;

    const withAddress = parseAutoconfig(xml, { domain, email });
    const withDomain = parseAutoconfig(xml, { domain, email: null });
    if (!withAddress.ok || !withDomain.ok) throw new Error(`the reader refused the file: ${withAddress.ok ? '' : withAddress.message}`);
    const first = withAddress.servers[0]!;
    expect({ hostname: first.hostname, port: first.port, security: first.security }).toEqual({
      hostname: expected.hostname,
      port: expected.port,
      security: expected.security,
    });
    expect(first.authentication).toBe(loginOf(expected.authentication));

    const domainOnly = withDomain.servers[0]!.username;
    if (expected.published === null) {
      expect(first.username).toBeNull();
      tally.noUsername++;
    } else if (expected.published === '%EMAILLOCALPART%') {
      expect(first.username).toEqual({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: LOCAL });
      expect(domainOnly).toEqual({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: null });
      tally.localPart++;
    } else if (expected.published === '%EMAILADDRESS%') {
      expect(first.username).toEqual({ form: 'address', pattern: '%EMAILADDRESS%', value: email });
      expect(domainOnly).toEqual({ form: 'address', pattern: '%EMAILADDRESS%', value: null });
      tally.address++;
    } else {
      const pattern = expected.published.replaceAll('%EMAILDOMAIN%', domain);
      expect(first.username).toEqual({ form: 'other', pattern, value: pattern.replaceAll('%EMAILLOCALPART%', LOCAL) });
      expect(domainOnly).toEqual({ form: 'other', pattern, value: null });
      tally.otherForm++;
    }
    if (first.authentication === 'encrypted-password') tally.encrypted++;
    if (first.security === 'tls' && first.port !== 465) tally.tlsBeside465++;
    tally.files++;
  });

  it('counts what the providers publish', () => {
    // Runs after the per-file tests (vitest keeps the order within a file).
    console.log(`ISPDB: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ files: 163, localPart: 46, address: 113, otherForm: 2, noUsername: 2, encrypted: 16, tlsBeside465: 2 });
  });
});
