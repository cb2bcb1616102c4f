/**
 * Where a saved page came from, read from the file (src/cli/page-address.ts): `classify` weighs the
 * address as the content script weighs location.href.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { savedPageAddress } from '../../src/cli/page-address';

const addressOf = (html: string) => savedPageAddress(html, parseHTML(html).document as unknown as Document);

describe('savedPageAddress', () => {
  it('reads the "saved from url" comment a Chromium browser writes at the top of a saved page', () => {
    const html = '<!DOCTYPE html>\n<!-- saved from url=(0047)https://help.example.net/mail/outgoing-server -->\n<html><head><link rel="canonical" href="https://other.example/"></head><body>x</body></html>';
    expect(addressOf(html)).toBe('https://help.example.net/mail/outgoing-server');
  });

  it('reads the url line of a SingleFile comment', () => {
    const html = '<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://kb.example.org/smtp-587?lang=de \n saved date: Tue Dec 01 2026 10:00:00 GMT+0000\n--><head></head><body>x</body></html>';
    expect(addressOf(html)).toBe('https://kb.example.org/smtp-587?lang=de');
  });

  it('reads the address Save Page WE and WebScrapBook record, before the page\'s own canonical link', () => {
    const canonical = '<link rel="canonical" href="https://isp.example/canonical">';
    expect(addressOf(`<html><head><meta name="savepage-url" content="https://isp.example/help/smtp-587">${canonical}</head><body></body></html>`)).toBe('https://isp.example/help/smtp-587');
    expect(addressOf(`<html data-scrapbook-source="https://panel.example.net/mail/accounts/7" data-scrapbook-create="20261202150000000"><head>${canonical}</head><body></body></html>`)).toBe('https://panel.example.net/mail/accounts/7');
    // A tool's record that is no web address (a saved file, a data: URL) leaves the page's own links to say.
    expect(addressOf(`<html data-scrapbook-source="data:text/html,x"><head><meta name="savepage-url" content="file:///home/a/page.html">${canonical}</head><body></body></html>`)).toBe('https://isp.example/canonical');
  });

  it('falls back to the canonical link, then og:url', () => {
    expect(addressOf('<html><head><link rel="canonical" href="https://isp.example/faq/port-25"><meta property="og:url" content="https://isp.example/og"></head><body></body></html>')).toBe('https://isp.example/faq/port-25');
    expect(addressOf('<html><head><meta property="og:url" content="https://isp.example/og/smtp"></head><body></body></html>')).toBe('https://isp.example/og/smtp');
    expect(addressOf('<html><head><link rel="Canonical alternate" href="https://isp.example/kb/1"></head><body></body></html>')).toBe('https://isp.example/kb/1');
  });

  it('takes only an absolute web address: not about:internet, a relative link or a script', () => {
    expect(addressOf('<!-- saved from url=(0014)about:internet -->\n<html><head><link rel="canonical" href="/faq/port-25"></head><body></body></html>')).toBeNull();
    expect(addressOf('<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="file:///etc/passwd"></head><body></body></html>')).toBeNull();
    expect(addressOf('<!-- saved from url=(0014)about:internet -->\n<html><head><meta property="og:url" content="https://isp.example/a"></head><body></body></html>')).toBe('https://isp.example/a');
  });

  it('takes a SingleFile address only from its own comment, and skips placeholder saved-from hosts', () => {
    const crafted = '<html><head><!-- Page saved with SingleFile --><title>x</title></head><body><!-- note -->url: https://evil.example/</body></html>';
    expect(addressOf(crafted)).toBeNull();
    for (const placeholder of ['http://localhost', 'http://internet.e-mail', 'http://127.0.0.1/help']) {
      const html = `<!-- saved from url=(${String(placeholder.length).padStart(4, '0')})${placeholder} -->\n<html><head><link rel="canonical" href="//isp.example/kb/587"></head><body></body></html>`;
      expect(addressOf(html)).toBe('https://isp.example/kb/587');
    }
  });

  it('looks for the tools\' comments only near the top of the file, where they put them', () => {
    const late = `<html><head></head><body>${'text '.repeat(1000)}<!-- saved from url=(0023)https://late.example/x --></body></html>`;
    expect(addressOf(late)).toBeNull();
  });
});
