/**
 * Restoring the real-page corpus (test/corpus/real/README.md, "Rebuilding"): texts come back one by one
 * from stored copies, several restorers at once, and texts.sha256 tells whether a text is the one recorded.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docPageHtml, excerptText, formatTextHashes, parseTextHashes, readTextHashes, screenProblem, storeText, textHash, titleArgument } from '../../scripts/lib/real-corpus';

const key = '0123456789abcdef';
const first = 'a'.repeat(64);
const second = 'b'.repeat(64);

describe('texts.sha256', () => {
  it('reads one hash per key, the last line of a key counting (restorers append), CRLF or not', () => {
    const hashes = parseTextHashes(`${key} ${first}\r\nfedcba9876543210 ${first}\n\n${key} ${second}\n`);
    expect([...hashes.entries()]).toEqual([[key, second], ['fedcba9876543210', first]]);
  });

  it('refuses a line that is not a key and a hash, naming the line: short, upper-case or two lines glued', () => {
    expect(() => parseTextHashes(`${key} ${first}\n${key} abc\n`, 'texts.sha256')).toThrow(/texts\.sha256:2: not "<16 hex key> <64 hex SHA-256>"/);
    expect(() => parseTextHashes(`${key.toUpperCase()} ${first}\n`, 'h')).toThrow(/h:1:/);
    expect(() => parseTextHashes(`${key} ${first}${key} ${second}\n`, 'h')).toThrow(/h:1:/);
  });

  it('is written sorted by key, one line each, and reads back the same', () => {
    const hashes = new Map([['ffff000000000000', first], [key, second]]);
    const text = formatTextHashes(hashes);
    expect(text).toBe(`${key} ${second}\nffff000000000000 ${first}\n`);
    expect(parseTextHashes(text)).toEqual(hashes);
  });
});

describe('storeText', () => {
  let dir: string;
  let hashesFile: string;
  beforeEach(() => {
    dir = `${mkdtempSync(join(tmpdir(), 'corpus-restore-'))}/`;
    hashesFile = `${dir}texts.sha256`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a text and records its hash; the same text again adds nothing', () => {
    expect(storeText(key, 'json', '{"text":"a"}\n', { dir, hashesFile })).toBe('recorded');
    expect(readFileSync(`${dir}${key}.json`, 'utf8')).toBe('{"text":"a"}\n');
    expect(storeText(key, 'json', '{"text":"a"}\n', { dir, hashesFile })).toBe('same as recorded');
    expect(readFileSync(hashesFile, 'utf8')).toBe(`${key} ${textHash('{"text":"a"}\n')}\n`);
    expect(readdirSync(dir).sort()).toEqual([`${key}.json`, 'texts.sha256']);
  });

  it('refuses a text that differs from the recorded one, keeping the stored file, unless told to replace it', () => {
    storeText(key, 'json', 'one', { dir, hashesFile });
    expect(() => storeText(key, 'json', 'two', { dir, hashesFile })).toThrow(/differs from the one recorded for 0123456789abcdef.*--replace/);
    expect(readFileSync(`${dir}${key}.json`, 'utf8')).toBe('one');
    expect(storeText(key, 'json', 'two', { dir, hashesFile, replace: true })).toBe('replaced');
    expect(readTextHashes(hashesFile).get(key)).toBe(textHash('two'));
  });

  it('never glues its line to a last line that lacks its line break', () => {
    writeFileSync(hashesFile, `fedcba9876543210 ${first}`);
    storeText(key, 'html', '<html></html>', { dir, hashesFile });
    expect(readTextHashes(hashesFile).size).toBe(2);
  });
});

describe('excerptText', () => {
  it('takes the JSON string as the search tool printed it, escapes and all, without the here-document\'s line break', () => {
    expect(excerptText('"Port 587\\nUse \\"STARTTLS\\" \\u00e9"\n', false)).toBe('Port 587\nUse "STARTTLS" é');
    expect(excerptText('line one\nline two\n', true)).toBe('line one\nline two');
  });

  it('refuses what is not one JSON string, and an empty text', () => {
    expect(() => excerptText('Port 587 without quotes\n', false)).toThrow(/not one JSON string.*--plain/);
    expect(() => excerptText('{"excerpt": "x"}', false)).toThrow(/JSON but not a string/);
    expect(() => excerptText('"  "', false)).toThrow(/the text is empty/);
  });
});

describe('titleArgument', () => {
  it('reads the title as printed: a JSON string, or null (an empty title is none)', () => {
    expect(titleArgument('"Outgoing server \\u2013 Help"')).toBe('Outgoing server – Help');
    expect(titleArgument('null')).toBeNull();
    expect(titleArgument('""')).toBeNull();
  });

  it('refuses a missing value, the next option, bare words and other JSON', () => {
    expect(() => titleArgument(undefined)).toThrow(/--title needs a value/);
    expect(() => titleArgument('--plain')).toThrow(/--title needs a value/);
    expect(() => titleArgument('Outgoing server')).toThrow(/is not JSON/);
    expect(() => titleArgument('42')).toThrow(/neither a JSON string nor null/);
  });
});

describe('screenProblem', () => {
  const url = 'https://mail.example.net/?_task=settings';
  const saved = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`;

  it('accepts a whole document under its saved-from line', () => {
    expect(screenProblem(`${saved}<!DOCTYPE html><html lang="en"><body></body></html>\n`)).toBeNull();
  });

  it('accepts the HTML 4.01 and XHTML 1.0 doctypes older products print', () => {
    const html401 = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">';
    const xhtml = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
    expect(screenProblem(`${saved}${html401}\n<html lang="en"><body></body></html>\n`)).toBeNull();
    expect(screenProblem(`${saved}${xhtml}\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>\n`)).toBeNull();
    expect(screenProblem(`${saved}<!DOCTYPE html SYSTEM "about:legacy-compat"><html></html>`)).toMatch(/not a whole HTML document/);
  });

  it('names what is wrong: no saved-from line, a wrong length, not a whole document', () => {
    expect(screenProblem('<html></html>')).toMatch(/must start with <!-- saved from url=/);
    expect(screenProblem(saved.replace(/\(\d{4}\)/, '(0001)') + '<html></html>')).toMatch(/saved-from length \(0001\) is not the URL's length \(40\)/);
    expect(screenProblem(`${saved}<p>text</p><html></html>`)).toMatch(/not a whole HTML document/);
    expect(screenProblem(`${saved}<html><body>cut short`)).toMatch(/not a whole HTML document/);
  });
});

describe('docPageHtml', () => {
  const url = 'https://docs.example.org/fr/mail/thunderbird/';
  const markdown = [
    '---',
    "title: 'Configurer Thunderbird'",
    'slug: thunderbird',
    '---',
    '',
    '> [!warning]',
    '> Gardez votre mot de passe.',
    '',
    '{{< figure src="capture.png" >}}',
    '',
    '## Serveur sortant',
    '',
    '| Champ | Valeur |',
    '| --- | --- |',
    '| Port | 465 |',
  ].join('\r\n');

  it('shows a Markdown page as its site does: the front matter\'s title as title and heading, under its address', () => {
    const html = docPageHtml(markdown, url, 'fr');
    expect(screenProblem(html)).toBeNull();
    expect(html.startsWith(`<!-- saved from url=(00${url.length})${url} -->\n`)).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Configurer Thunderbird</title>');
    expect(html).toContain('<h1>Configurer Thunderbird</h1>');
    expect(html).toContain('<h2>Serveur sortant</h2>');
    expect(html).toMatch(/<td>Port<\/td>\s*<td>465<\/td>/);
    expect(html).not.toContain('slug:');
    expect(html).not.toContain('[!warning]');
    expect(html).not.toContain('capture.png');
  });

  it('reads Hugo\'s TOML front matter as well', () => {
    const html = docPageHtml('+++\nurl = "/fr/emails/outlook/"\ntitle = "Configurer Outlook"\nweight = 70\n+++\n\nServeur sortant : port 465.\n', url, 'fr', 'content/outlook/index.fr.md');
    expect(html).toContain('<title>Configurer Outlook</title>');
    expect(html).not.toContain('weight');
    expect(html).not.toContain('+++');
  });

  it('takes the first heading as title when there is no front matter, without showing it twice', () => {
    const html = docPageHtml('# Mail <settings>\n\nSMTP on port 587.\n', url, 'en');
    expect(html).toContain('<title>Mail &lt;settings&gt;</title>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('takes the main heading, underlined or not, then the file\'s name, then the first heading of any level', () => {
    const setext = docPageHtml('Messagerie\n==========\n\n### Serveur SMTP\n\nPort 465.\n', url, 'fr', 'services/email.md');
    expect(setext).toContain('<title>Messagerie</title>');
    expect(setext.match(/<h1>/g)).toHaveLength(1);
    const named = docPageHtml('## Email\n\nPort 587.\n', url, 'en', 'docs/mail/02-email-client_setup.md');
    expect(named).toContain('<title>email client setup</title>');
    expect(named).toContain('<h1>email client setup</h1>');
    expect(docPageHtml('Intro.\n\n### Outgoing server\n\nPort 587.\n', url, 'en', 'docs/index.fr.md')).toContain('<title>Outgoing server</title>');
    expect(docPageHtml('## Email\n\nPort 587.\n', url, 'en', 'docs/client/client-manual.en.md')).toContain('<title>client manual</title>');
  });

  it('names what is wrong: no title, no text, a bad address or language', () => {
    expect(() => docPageHtml('Just a paragraph.\n', url, 'en')).toThrow(/no title/);
    expect(() => docPageHtml('Just a paragraph.\n', url, 'en', 'docs/README.md')).toThrow(/no title/);
    expect(() => docPageHtml('---\ntitle: Empty\n---\n\n', url, 'en')).toThrow(/no text/);
    expect(() => docPageHtml(markdown, 'docs.example.org/page', 'en')).toThrow(/http\(s\) URL/);
    expect(() => docPageHtml(markdown, url, 'french')).toThrow(/two-letter code/);
  });
});
