/**
 * Where a saved page came from, read from the file itself, for `classify` when no --url is given: the
 * classifier weighs the address (a help centre's path, a settings route), and a page saved to disk has
 * lost it unless the file still says.
 *
 * In order:
 * 1. the "saved from url" comment that Chromium, Edge and Internet Explorer write at the top of a page
 *    saved as HTML (the "mark of the web": `<!-- saved from url=(0042)https://… -->`, the number being
 *    the address's length);
 * 2. the "url:" line of the comment SingleFile writes at the top of the pages it saves;
 * 3. the page's own `<link rel="canonical">`, then its `<meta property="og:url">`.
 * Only an absolute http(s) address counts (a browser writes "about:internet" for pages it was not
 * given one for); the comments are looked for only near the top, where the tools put them.
 */

/** How far into the file the tools' comments are looked for. */
const HEAD_OF_FILE = 4096;
const SAVED_FROM = /<!--\s*saved from url=\(\d{1,5}\)(\S+?)\s*-->/i;
const SINGLE_FILE = /<!--[^]*?Page saved with SingleFile[^]*?\burl:\s*(\S+)[^]*?-->/i;

/** The candidate as an absolute http(s) address, or null. */
export function webAddress(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  const trimmed = candidate.trim();
  if (!URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The address a saved page says it came from, or null when it does not say. */
export function savedPageAddress(html: string, document: Pick<Document, 'querySelector'>): string | null {
  const head = html.slice(0, HEAD_OF_FILE);
  const fromComment = webAddress(SAVED_FROM.exec(head)?.[1]) ?? webAddress(SINGLE_FILE.exec(head)?.[1]);
  if (fromComment !== null) return fromComment;
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const openGraph = document.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  return webAddress(canonical) ?? webAddress(openGraph);
}
