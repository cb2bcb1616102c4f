/**
 * `classify [--url URL] FILE...`: runs the extension's page classifier on saved HTML files and prints
 * one JSON object per line. The very same `classifyPage` as the content script, over linkedom's DOM,
 * under the address the page was saved from (see page-address.ts) as the content script has location.href.
 * Exit status: 0 all files classified, 2 a file could not be read or is not a page, or the command line was wrong.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { classifyPage } from '../core/detect/index';
import { escapeUnsafe, terminalJson } from '../core/sanitize';
import { decodeHtml } from './html-bytes';
import { ArchiveError, mhtmlPage } from './mhtml';
import { savedPageAddress } from './page-address';
import { argumentError } from './argument-error';

/**
 * A saved fragment (no <html> element) as the whole document a browser would build from it: linkedom
 * does not add the implied <html>, <head> and <body>, and leaves a bare fragment unwalkable. Its <title>
 * and <meta> tags go to the head, the rest to the body.
 */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  const head: string[] = [];
  const body = html.replace(/<!doctype[^>]*>/gi, '').replace(/<title[\s>][\s\S]*?<\/title>|<meta\b[^>]*>/gi, (tag) => {
    head.push(tag);
    return '';
  });
  return `<!DOCTYPE html><html><head>${head.join('')}</head><body>${body}</body></html>`;
}

const HELP = `Usage: classify [--url URL] FILE...

Classifies saved web pages as a help article about the outgoing (SMTP) server, a mail account
settings page, or neither, and prints one JSON line per file:
  {"file", "kind", "confidence", "signals", "settings"}

Each file is read in the encoding it starts with or names (a byte-order mark, a <meta charset> or
Content-Type in its head), else as UTF-8 when it is UTF-8, else as windows-1252; a page saved as MHTML
("Webpage, Single File") is read from its HTML part.

Options:
  --url URL    the address the pages were saved from (default: the address each file says it was
               saved from: an MHTML archive's Content-Location, a browser's "saved from url" or
               SingleFile comment, Save Page WE's or WebScrapBook's record, its canonical link or
               og:url; else its file:// URL, whose path is not read as an address)
  -h, --help   show this help

Exit status: 0 every file was classified, 2 a file could not be read or is not a page (a PDF, a
Safari web archive, an MHTML archive without a page), or the arguments were wrong.
`;

class UsageError extends Error {}

const OPTIONS = { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(argumentError(error));
  }
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Files that are not pages but are saved in their place, by their first bytes. */
const NOT_PAGES: ReadonlyArray<readonly [string, string]> = [
  ['bplist00', 'a Safari web archive (save the page as "Page Source" or as MHTML instead)'],
  ['%PDF-', 'a PDF document'],
  ['PK\u0003\u0004', 'a ZIP archive'],
  ['\u001f\u008b', 'gzip-compressed (unpack it first)'],
];

/** The page's HTML and the address its file gives, or a reason it is not a page. */
function readPage(bytes: Buffer): { html: string; address: string | null } | { problem: string } {
  const start = bytes.subarray(0, 8).toString('latin1');
  const kind = NOT_PAGES.find(([magic]) => start.startsWith(magic));
  if (kind) return { problem: `it is ${kind[1]}, not an HTML page` };
  try {
    const archived = mhtmlPage(bytes);
    if (archived) return { html: decodeHtml(archived.bytes, archived.charset).html, address: archived.address };
  } catch (error) {
    if (error instanceof ArchiveError) return { problem: `it is ${error.message}` };
    throw error;
  }
  return { html: decodeHtml(bytes).html, address: null };
}

function main(argv: readonly string[]): number {
  const parsed = parseCommandLine(argv);
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('no files given');
  const fixedUrl = parsed.values.url;
  if (fixedUrl !== undefined && !URL.canParse(fixedUrl)) throw new UsageError(`--url ${escapeUnsafe(fixedUrl)} is not an absolute URL`);

  let status = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      process.stderr.write(`classify: cannot read ${escapeUnsafe(file)} (${readReason(error)}); check the path and try again.\n`);
      status = 2;
      continue;
    }
    const page = readPage(bytes);
    if ('problem' in page) {
      process.stderr.write(`classify: cannot classify ${escapeUnsafe(file)}: ${page.problem}.\n`);
      status = 2;
      continue;
    }
    const { html, address: archivedAddress } = page;
    const { document } = parseHTML(asDocument(html));
    const url = fixedUrl ?? archivedAddress ?? savedPageAddress(html, document as unknown as Document) ?? pathToFileURL(resolve(file)).href;
    const result = classifyPage(document as unknown as Document, url);
    const { anchor: _anchor, shownIn: _shownIn, ...settings } = result.settings;
    process.stdout.write(
      `${terminalJson({ file, kind: result.kind, confidence: result.confidence, signals: result.signals, settings })}\n`,
    );
  }
  return status;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`classify: ${error.message}.\n\n${HELP}`);
  process.exitCode = 2;
}
