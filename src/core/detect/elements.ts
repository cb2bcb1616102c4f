/**
 * The elements the detectors read (headings, links and buttons, tables, definition lists, labels and form
 * controls), picked out in one walk over at most ELEMENT_BUDGET elements in document order. A
 * `querySelectorAll` would look at every element of the page however few it needs, and one with an
 * attribute (`[role="heading"]`) costs ~10 ms on a 5 MiB page in Chromium; this walk costs a fixed few.
 */

/** SHOW_ELEMENT of the DOM NodeFilter interface, as a number because linkedom defines no such global. */
const SHOW_ELEMENT = 1;

/** Far more than a help article or a settings page holds (a few thousand), far less than a 5 MiB page. */
export const ELEMENT_BUDGET = 15_000;

export const LIMITS = {
  headings: 80,
  actions: 400,
  tables: 30,
  lists: 30,
  labels: 300,
  controls: 150,
} as const;

export type ElementKind = keyof typeof LIMITS;

export type PageElements = Record<ElementKind, Element[]> & { visited: number; truncated: boolean };

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'summary']);
const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);

function kindOf(element: Element): ElementKind | null {
  const tag = element.localName;
  if (HEADING_TAGS.has(tag)) return 'headings';
  if (CONTROL_TAGS.has(tag)) return 'controls';
  if (tag === 'table') return 'tables';
  if (tag === 'dl') return 'lists';
  if (tag === 'label') return element.hasAttribute('for') ? 'labels' : null;
  if (tag === 'button' || (tag === 'a' && element.hasAttribute('href'))) return 'actions';
  const role = element.getAttribute('role');
  if (role === 'heading') return 'headings';
  if (role === 'button' || role === 'menuitem') return 'actions';
  return null;
}

export function collectElements(document: Document, budget = ELEMENT_BUDGET): PageElements {
  const found: PageElements = { headings: [], actions: [], tables: [], lists: [], labels: [], controls: [], visited: 0, truncated: false };
  const root = document.documentElement;
  if (root === null) return found;
  const walker = document.createTreeWalker(document, SHOW_ELEMENT);
  let open = Object.keys(LIMITS).length;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (found.visited >= budget) {
      found.truncated = true;
      break;
    }
    found.visited += 1;
    const kind = kindOf(node as Element);
    if (kind === null) continue;
    const list = found[kind];
    if (list.length >= LIMITS[kind]) continue;
    list.push(node as Element);
    if (list.length === LIMITS[kind]) {
      open -= 1;
      if (open === 0) break;
    }
  }
  return found;
}
