/**
 * Where a saved page came from, read from the file itself, for `classify` when no --url is given: the
 * classifier weighs the address (a help centre's path, a settings route), and a page saved to disk has
 * lost it unless the file still says.
 *
 * In order:
 * 1. the "saved from url" comment that Chromium, Edge and Internet Explorer write at the top of a page
 *    saved as HTML (the "mark of the web": `<!-- saved from url=(0042)https://… -->`, the number being
 *    the address's length), unless it holds a placeholder (localhost, IE's "internet.e-mail");
 * 2. the "url:" line of the comment SingleFile writes at the top of the pages it saves;
 * 3. the address other save tools record in the page: Save Page WE's `<meta name="savepage-url">`,
 *    WebScrapBook's `data-scrapbook-source` attribute on `<html>`;
 * 4. the page's own `<link rel="canonical">`, then its `<meta property="og:url">` (a protocol-relative
 *    "//host/path" read as https).
 * Only an absolute http(s) address counts (a browser writes "about:internet" for pages it was not
 * given one for); the comments are looked for only near the top, where the tools put them.
 */

/** How far into the file the tools' comments are looked for. */
const HEAD_OF_FILE = 4096;
const SAVED_FROM = /<!--\s*saved from url=\(\d{1,5}\)(\S+?)\s*-->/i;
const SINGLE_FILE_MARK = 'Page saved with SingleFile';
/** Hosts that "saved from" comments hold when the page had no real address. */
const PLACEHOLDER_HOSTS = new Set(['localhost', 'internet.e-mail', '127.0.0.1', '[::1]']);

/** The candidate as an absolute http(s) address, or null. */
export function webAddress(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  const trimmed = candidate.trim();
  const absolute = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  if (!URL.canParse(absolute)) return null;
  const url = new URL(absolute);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The url line of SingleFile's comment: each comment of the head looked at on its own. */
function singleFileAddress(head: string): string | null {
  for (let start = head.indexOf('<!--'); start >= 0; start = head.indexOf('<!--', start + 4)) {
    const end = head.indexOf('-->', start + 4);
    const comment = head.slice(start + 4, end < 0 ? head.length : end);
    if (comment.includes(SINGLE_FILE_MARK)) return webAddress(/^\s*url:\s*(\S+)/m.exec(comment)?.[1]);
    if (end < 0) break;
  }
  return null;
}

/** The address of a "saved from" comment, unless it is a placeholder. */
function savedFromAddress(head: string): string | null {
  const address = webAddress(SAVED_FROM.exec(head)?.[1]);
  return address !== null && !PLACEHOLDER_HOSTS.has(new URL(address).hostname) ? address : null;
}

/** The address a saved page says it came from, or null when it does not say. */
export function savedPageAddress(html: string, document: Pick<Document, 'querySelector'>): string | null {
  const head = html.slice(0, HEAD_OF_FILE);
  const fromComment = savedFromAddress(head) ?? singleFileAddress(head);
  if (fromComment !== null) return fromComment;
  const savePage = document.querySelector('meta[name="savepage-url" i][content]')?.getAttribute('content');
  const scrapBook = document.querySelector('html[data-scrapbook-source]')?.getAttribute('data-scrapbook-source');
  const fromTool = webAddress(savePage) ?? webAddress(scrapBook);
  if (fromTool !== null) return fromTool;
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const openGraph = document.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  return webAddress(canonical) ?? webAddress(openGraph);
}
