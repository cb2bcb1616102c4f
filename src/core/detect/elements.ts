/**
 * The elements the detectors read (headings, links and buttons, tables, definition lists, labels, form
 * controls and meta tags), picked out in one walk over at most ELEMENT_BUDGET elements in document order,
 * plus TAIL_BUDGET more from the end of a page too big for that. A `querySelectorAll` would look at every
 * element of the page however few it needs, and one with an attribute (`[role="heading"]`) costs ~10 ms
 * on a 5 MiB page in Chromium; these walks cost a fixed few.
 */

/** SHOW_ELEMENT of the DOM NodeFilter interface, as a number because linkedom defines no such global. */
const SHOW_ELEMENT = 1;

/** Far more than a help article or a settings page holds (a few thousand), far less than a 5 MiB page. */
export const ELEMENT_BUDGET = 15_000;

const LIMITS = {
  headings: 80,
  actions: 400,
  tables: 30,
  lists: 30,
  items: 200,
  rows: 1000,
  labels: 300,
  controls: 150,
  /** Chosen script-built radio buttons, kept apart so a survey's many cannot push the form's fields out. */
  radios: 20,
  metas: 60,
} as const;

type ElementKind = keyof typeof LIMITS;

export type PageElements = Record<ElementKind, Element[]> & { visited: number; truncated: boolean };

/**
 * Settings dialogs of webmail apps are often added at the very end of <body>; when the walk from the top
 * runs out of budget, this many more elements are read from the end of the page.
 */
const TAIL_BUDGET = 5_000;

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'summary']);
const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);
const ARIA_CONTROLS = new Set(['textbox', 'combobox', 'spinbutton', 'listbox']);

/**
 * The last element in document order within `element`. A <template>'s content is inert, not part of
 * the page: a browser's tree never holds it, but a parser without templates (linkedom, for the classify
 * CLI) gives it as children. The walks step over it, so that both read the same page.
 */
function deepestLast(element: Element): Element {
  let current = element;
  while (current.lastElementChild !== null && current.localName !== 'template') current = current.lastElementChild;
  return current;
}

/** The last element inside a template, where the forward walk's skipping ends (the template itself when empty). */
function lastInside(element: Element): Element {
  let current = element;
  while (current.lastElementChild !== null) current = current.lastElementChild;
  return current;
}

/** The element before `element` in document order (TreeWalker.previousNode, which linkedom lacks). */
function previousInOrder(element: Element): Element | null {
  const sibling = element.previousElementSibling;
  return sibling !== null ? deepestLast(sibling) : element.parentElement;
}

/**
 * Whether an element has two to four child elements, as a label, its value and a marker between them:
 * counted by stepping from the first child, at most five steps, never by listing every child.
 */
function blockOfParts(element: Element): boolean {
  let count = 0;
  for (let child = element.firstElementChild; child !== null && count <= 4; child = child.nextElementSibling) count += 1;
  return count >= 2 && count <= 4;
}

function add(found: PageElements, kind: ElementKind, element: Element): void {
  const list = found[kind];
  if (list.length < LIMITS[kind]) list.push(element);
}

/** Files `element` under what it is; it can be two things at once: `<h2 role="button">` is a heading and an action. */
function take(element: Element, found: PageElements): void {
  const tag = element.localName;
  const heading = HEADING_TAGS.has(tag);
  const action = tag === 'button' || (tag === 'a' && element.hasAttribute('href'));
  if (heading) add(found, 'headings', element);
  else if (CONTROL_TAGS.has(tag)) add(found, 'controls', element);
  else if (tag === 'table') add(found, 'tables', element);
  else if (tag === 'dl') add(found, 'lists', element);
  else if (tag === 'li') add(found, 'items', element);
  else if ((tag === 'div' || tag === 'p') && found.rows.length < LIMITS.rows && blockOfParts(element)) add(found, 'rows', element);
  else if (tag === 'meta') add(found, 'metas', element);
  else if (tag === 'label' && element.hasAttribute('for')) add(found, 'labels', element);
  else if (action) add(found, 'actions', element);
  const role = element.getAttribute('role');
  if (role === 'heading' && !heading) add(found, 'headings', element);
  if ((role === 'button' || role === 'menuitem') && !action) add(found, 'actions', element);
  // Script-built widgets that stand for a field: <div role="combobox" aria-labelledby="…">STARTTLS</div>.
  if (role !== null && ARIA_CONTROLS.has(role) && !CONTROL_TAGS.has(tag)) add(found, 'controls', element);
  // A script-built radio button that is chosen ("SSL" of a security group): read for the settings only (fields.ts).
  if (role === 'radio' && !CONTROL_TAGS.has(tag) && element.getAttribute('aria-checked') === 'true') add(found, 'radios', element);
}

export function collectElements(document: Document, budget = ELEMENT_BUDGET, tailBudget = TAIL_BUDGET): PageElements {
  const found: PageElements = { headings: [], actions: [], tables: [], lists: [], items: [], rows: [], labels: [], controls: [], radios: [], metas: [], visited: 0, truncated: false };
  if (document.documentElement === null) return found;
  const walker = document.createTreeWalker(document, SHOW_ELEMENT);
  let last: Node | null = null;
  // A template's content (see deepestLast) is passed over and not counted: the budget is the page's.
  let skipUntil: Element | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (skipUntil !== null) {
      if (node === skipUntil) skipUntil = null;
      continue;
    }
    if (found.visited >= budget) {
      found.truncated = true;
      break;
    }
    found.visited += 1;
    last = node;
    const element = node as Element;
    if (element.localName === 'template') {
      const end = lastInside(element);
      if (end !== element) skipUntil = end;
      continue;
    }
    take(element, found);
  }
  if (!found.truncated || last === null) return found;
  // The end of the page, where webmail apps add their settings dialogs: read backwards from the last
  // element, up to the tail budget or the part already read, then take those in document order.
  const tail: Element[] = [];
  for (let node: Element | null = deepestLast(document.documentElement); node !== null && node !== last && tail.length < tailBudget; node = previousInOrder(node)) {
    tail.push(node);
  }
  found.visited += tail.length;
  for (let index = tail.length - 1; index >= 0; index -= 1) {
    const element = tail[index]!;
    if (element.localName !== 'template') take(element, found);
  }
  return found;
}
