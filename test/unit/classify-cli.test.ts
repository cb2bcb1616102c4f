/**
 * The `classify` CLI as a child process: JSON lines from the same classifier, exit 2 for a file it
 * cannot read (after classifying the others) and for a wrong command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function classify(...args: string[]) {
  const result = spawnSync(TSX, ['src/cli/classify.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('classify CLI', () => {
  it('prints one JSON line per file', () => {
    const { status, stdout, stderr } = classify(
      '--url',
      'https://webmail.example.net/?_task=settings&_action=edit-identity',
      'test/fixtures/pages/en-roundcube-smtp-identity.html',
      'test/fixtures/pages/en-recipe-blog.html',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]).sort()).toEqual(['confidence', 'file', 'kind', 'settings', 'signals']);
    expect(lines[0]).toMatchObject({
      file: 'test/fixtures/pages/en-roundcube-smtp-identity.html',
      kind: 'account',
      settings: { outgoingServer: 'smtp.cloverleaf.example', port: 25, security: 'none' },
    });
    expect(lines[0].settings).not.toHaveProperty('anchor');
    expect(lines[0].settings).not.toHaveProperty('shownIn');
    expect(lines[1]).toMatchObject({ kind: 'none' });
  }, 60_000);

  it('classifies under the address a saved page gives, else the file URL', () => {
    const { status, stdout } = classify('test/fixtures/pages/de-port-25-gesperrt.html');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'article', settings: { port: 587 } });

    // The same control-panel screen, saved by a browser (with its "saved from url" comment) and without it:
    // its settings route is part of what makes it an account page, as location.href is in the extension.
    const dir = mkdtempSync(join(tmpdir(), 'classify-address-'));
    try {
      const screen = [
        '<html lang="en"><head><title>Mailbox</title></head><body><form>',
        '<label for="e">Email</label><input id="e" value="alex@example.net">',
        '<label for="n">Name</label><input id="n" value="Alex Example">',
        '<label for="q">Quota</label><input id="q" value="1024">',
        '<label><input type="checkbox" checked> Disable SMTP (sending)</label>',
        '<button>Save</button></form></body></html>',
      ].join('\n');
      const address = 'https://panel.example.net:8080/mail/mail_user_edit.php?id=3';
      writeFileSync(join(dir, 'saved.html'), `<!-- saved from url=(${String(address.length).padStart(4, '0')})${address} -->\n${screen}`);
      writeFileSync(join(dir, 'bare.html'), screen);
      const [saved, bare, told] = [classify(join(dir, 'saved.html')), classify(join(dir, 'bare.html')), classify('--url', address, join(dir, 'bare.html'))].map(
        (run) => JSON.parse(run.stdout) as { signals: string[]; confidence: number; kind: string },
      );
      expect(saved!.signals).toContain('url:account');
      expect(bare!.signals).not.toContain('url:account');
      expect({ kind: saved!.kind, confidence: saved!.confidence }).toEqual({ kind: told!.kind, confidence: told!.confidence });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads each file in the encoding it names, as a browser would, so the result is the UTF-8 original\'s', () => {
    const { status, stdout } = classify(
      'test/fixtures/pages/real-shapes/ja-isp-op25b-submission-port.html',
      'test/fixtures/encodings/ja-op25b.shift_jis.html',
      'test/fixtures/encodings/ja-op25b.euc-jp.html',
      'test/fixtures/pages/real-shapes/fr-filtrage-port-25-prose.html',
      'test/fixtures/encodings/fr-port-25.windows-1252.html',
    );
    expect(status).toBe(0);
    const [ja, sjis, euc, fr, latin] = stdout.trim().split('\n').map((line) => {
      const { file: _file, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    });
    expect(ja).toMatchObject({ kind: 'article' });
    expect(sjis).toEqual(ja);
    expect(euc).toEqual(ja);
    expect(fr).toMatchObject({ kind: 'article' });
    expect(latin).toEqual(fr);
  }, 60_000);

  it('reads a page saved as MHTML by Chromium as the page itself, under the address the archive gives', () => {
    const runs = [
      classify('test/fixtures/encodings/ja-op25b.mhtml'),
      classify('--url', 'https://support.asagi-net.example/mail/op25b.html', 'test/fixtures/pages/real-shapes/ja-isp-op25b-submission-port.html'),
    ];
    expect(runs.map((run) => run.status)).toEqual([0, 0]);
    const [archived, original] = runs.map((run) => {
      const { file: _file, ...rest } = JSON.parse(run.stdout) as Record<string, unknown>;
      return rest;
    });
    expect(archived).toMatchObject({ kind: 'article' });
    expect(archived).toEqual(original);
    const panel = classify('test/fixtures/encodings/en-panel-mailbox.mhtml');
    expect(JSON.parse(panel.stdout)).toMatchObject({ kind: 'account' });
    expect((JSON.parse(panel.stdout) as { signals: string[] }).signals).toContain('url:account');
  }, 60_000);

  it('says which files are not pages (a PDF, a Safari web archive, an archive without a page), classifies the rest and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classify-not-pages-'));
    try {
      writeFileSync(join(dir, 'manual.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n');
      writeFileSync(join(dir, 'page.webarchive'), Buffer.concat([Buffer.from('bplist00'), Buffer.alloc(32)]));
      writeFileSync(join(dir, 'styles.mhtml'), 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/css\r\n\r\np {}\r\n--b--\r\n');
      const { status, stdout, stderr } = classify(join(dir, 'manual.pdf'), join(dir, 'page.webarchive'), join(dir, 'styles.mhtml'), 'test/fixtures/pages/fr-port-25-bloque.html');
      expect(status).toBe(2);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/manual\.pdf: it is a PDF document, not an HTML page\.$/);
      expect(lines[1]).toMatch(/page\.webarchive: it is a Safari web archive .*, not an HTML page\.$/);
      expect(lines[2]).toMatch(/styles\.mhtml: it is a MIME archive with no HTML page in it\.$/);
      expect(JSON.parse(stdout)).toMatchObject({ kind: 'article' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports a missing file on one line, goes on with the others and exits 2', () => {
    const { status, stdout, stderr } = classify('test/fixtures/pages/does-not-exist.html', 'test/fixtures/pages/fr-port-25-bloque.html');
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('does-not-exist.html');
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'article' });
  }, 60_000);

  it('prints a file name with control characters escaped, so a terminal shows them and does not obey them', () => {
    const { status, stderr } = classify('missing\u001b[2Jpage.html');
    expect(status).toBe(2);
    expect(stderr).toBe('classify: cannot read missing\\u001b[2Jpage.html (no such file); check the path and try again.\n');
  }, 60_000);

  it('exits 2 with usage when no files are given or a flag is unknown', () => {
    for (const args of [[], ['--frobnicate', 'x.html']]) {
      const { status, stdout, stderr } = classify(...args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: classify');
    }
  }, 60_000);

  it('prints help', () => {
    const { status, stdout } = classify('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: classify');
  }, 60_000);

  it('reads a saved fragment the way a browser would, as a whole document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classify-fragment-'));
    try {
      const fragment = join(dir, 'fragment.html');
      const article = `<title>Change the outgoing mail server port | Example Help</title>
<meta name="description" content="Cannot send email? Set the SMTP port to 587.">
<h1>Change the outgoing server (SMTP) port to 587</h1>
<p>Many internet providers block port 25. In your email app, open the account settings, choose the outgoing
server (SMTP) smtp.example.net and change the port to 587 with STARTTLS. Turn on authentication with your
email address and password, then save and send a test message.</p>
<h2>Outlook</h2><p>Select File, then Account Settings, then More Settings and the Advanced tab; enter 587 next to
Outgoing server (SMTP) and choose STARTTLS.</p>`;
      writeFileSync(fragment, article);
      writeFileSync(join(dir, 'whole.html'), `<!DOCTYPE html><html><head></head><body>${article}</body></html>`);
      const { status, stdout } = classify('--url', 'https://help.example.net/smtp-port', fragment, join(dir, 'whole.html'));
      expect(status).toBe(0);
      const [fromFragment, fromWhole] = stdout.trim().split('\n').map((line) => JSON.parse(line) as { kind: string; settings: { outgoingServer: string | null } });
      expect(fromFragment!.kind).toBe('article');
      expect(fromFragment!.settings.outgoingServer).toBe('smtp.example.net');
      expect(fromWhole!.kind).toBe('article');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
