/**
 * The article's main text column, measured: the horizontal extent of the text blocks (paragraphs, list
 * items, headings, tables, code) inside the page's main content, leaving out navigation, sidebars,
 * headers and footers. The floating hint stays outside this extent.
 */
import type { Span } from './placement';

const MAIN = 'main article, [role="main"] article, article, main, [role="main"]';
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, table, dl, figure, summary';
const AROUND = 'nav, aside, header, footer, [role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"]';
/** Enough blocks to find the column on any article; the rest of a long page changes nothing. */
const MAX_BLOCKS = 400;

function hasText(element: Element): boolean {
  return (element.textContent ?? '').trim().length >= 2;
}

export function measureTextColumn(document: Document, skip: Element | null): Span | null {
  const roots = [...document.querySelectorAll(MAIN)];
  // The largest main region wins (a page may mark a teaser as an article too).
  const root = roots.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0] ?? document.body;
  if (!root) return null;
  let left = Infinity;
  let right = -Infinity;
  let count = 0;
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (count++ >= MAX_BLOCKS) break;
    if ((skip && skip.contains(block)) || !hasText(block)) continue;
    const around = block.closest(AROUND);
    if (around && around !== root && root.contains(around)) continue;
    const box = block.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  return left < right ? { left, right } : null;
}
