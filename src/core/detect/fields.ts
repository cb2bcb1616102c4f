/**
 * Form controls with the words a person sees beside them: label[for], a wrapping label, aria-labelledby,
 * aria-label, the cell to the left in table layouts, text just before the control, placeholder, and as a
 * last resort the name; and which way (incoming or outgoing) their fieldset or section header points.
 * Reads the controls the bounded element walk found (elements.ts).
 */
import { collectElements, type PageElements } from './elements';
import { pageMemo } from './page-memo';
import { textOf } from './text';
import type { Direction, LabelledField } from './types';
import { AUTH_LABEL, CJK_INCOMING, CJK_OUTGOING, CJK_PORT_WORD, CJK_SECURITY, CJK_SERVER, IMPLICIT_TLS, INCOMING_DIRECTION, INCOMING_SERVER, OUTGOING_DIRECTION, OUTGOING_SERVER, PLAIN_TLS, PORT_WORD, SECURITY_LABEL, SERVER_WORD, STARTTLS, USER_WORD, has, normalise } from './vocabulary';

const IGNORED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'search', 'color', 'range']);
const MAX_LABEL = 160;
const HEADING = /^h[1-6]$/i;

/** Whether `text` (normalised) speaks of the outgoing or the incoming server, or of neither or both; read once per page. */
export const directionOf = pageMemo(readDirection);

function readDirection(text: string): Direction {
  const outgoing = has(OUTGOING_SERVER, text) || has(OUTGOING_DIRECTION, text) || has(CJK_OUTGOING, text);
  const incoming = has(INCOMING_SERVER, text) || has(INCOMING_DIRECTION, text) || has(CJK_INCOMING, text);
  if (outgoing === incoming) return null;
  return outgoing ? 'outgoing' : 'incoming';
}

/** Words as a field's label or value is read: normalised and trimmed, at most MAX_LABEL characters (twice that read). */
export function clip(text: string | null | undefined): string {
  if (!text) return '';
  return normalise(text.length > MAX_LABEL * 2 ? text.slice(0, MAX_LABEL * 2) : text)
    .trim()
    .slice(0, MAX_LABEL);
}

/** Text of a label without the text of the control it wraps (a select's options are not its label). */
function labelTextWithout(label: Element, control: Element): string {
  const parts: string[] = [];
  for (const child of Array.from(label.childNodes)) {
    if (child === control) continue;
    if (child.nodeType === 3) {
      parts.push((child as CharacterData).data);
    } else if (child.nodeType === 1) {
      const element = child as Element;
      if (element.contains(control)) parts.push(labelTextWithout(element, control));
      else if (!/^(select|input|textarea)$/i.test(element.tagName)) parts.push(element.textContent ?? '');
    }
  }
  return parts.join(' ');
}

/** A label's worth of text: a few words, not a paragraph. */
const LABEL_LIKE = (text: string | null | undefined): text is string => !!text && text.trim().length > 0 && text.trim().length <= 60;

/**
 * A form laid out as a grid: the row's header says what ("Server", "Port"), the column's header says
 * which ("Incoming", "Outgoing").
 */
function gridLabel(cell: Element): string | null {
  const row = cell.parentElement;
  if (row === null || !/^tr$/i.test(row.tagName)) return null;
  const cells = Array.from(row.children);
  const rowHeader = cells[0]?.textContent?.trim();
  const table = row.closest('table');
  const headerRow = table?.querySelector('tr');
  // Two or more value columns under headers of their own; a "label | field" table keeps its left-cell labels.
  if (!rowHeader || cells.indexOf(cell) < 1 || !headerRow || headerRow === row || headerRow.children.length < 3) return null;
  if (headerRow.querySelector('input, select, textarea') !== null) return null;
  const columnHeader = headerRow.children[cells.indexOf(cell)]?.textContent?.trim();
  return columnHeader && LABEL_LIKE(columnHeader) && LABEL_LIKE(rowHeader) ? `${columnHeader} ${rowHeader}` : null;
}

/** The cell in the row above, in the same column: forms laid out as a table with the labels on top. */
function cellAbove(cell: Element): string | null {
  const row = cell.parentElement;
  if (row === null || !/^tr$/i.test(row.tagName)) return null;
  const column = Array.from(row.children).indexOf(cell);
  const previous = row.previousElementSibling;
  if (previous === null || column < 0) return null;
  const text = previous.children[column]?.textContent;
  return LABEL_LIKE(text) && previous.querySelector('input, select, textarea') === null ? text : null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * A label without `for` next to its control, as form frameworks write them: an earlier sibling
 * (`<span>Port</span><input>`, or bare text: `Server<br><input>`), or the earlier sibling of the
 * control's wrapper (`<div class="col"><label>Port</label></div><div class="col"><input></div>`), two
 * levels up at most.
 */
function textBeside(control: Element): string | null {
  let current: Element | null = control;
  for (let level = 0; level < 3 && current !== null; level += 1) {
    // Earlier siblings, text nodes included: "Server<br><input>" labels the input with a bare text node.
    let sibling: ChildNode | null = current.previousSibling;
    for (let steps = 0; sibling !== null && steps < 3; sibling = sibling.previousSibling) {
      if (sibling.nodeType === TEXT_NODE) {
        const text = sibling.textContent ?? '';
        if (text.trim() === '') continue;
        if (LABEL_LIKE(text)) return text;
        steps += 1;
        continue;
      }
      if (sibling.nodeType !== ELEMENT_NODE) continue;
      steps += 1;
      const element = sibling as Element;
      if (element.querySelector('input, select, textarea') !== null || /^(input|select|textarea|br|hr)$/i.test(element.tagName)) {
        if (/^br$/i.test(element.tagName)) continue;
        return null;
      }
      const text = element.textContent;
      if (LABEL_LIKE(text)) return text;
    }
    const parent: Element | null = current.parentElement;
    // Stop at the form or a wrapper holding several controls: beyond it the text belongs to another field.
    if (parent === null || /^(form|fieldset|body)$/i.test(parent.tagName) || parent.querySelectorAll('input, select, textarea').length > 1) break;
    current = parent;
  }
  return null;
}

/** Text without a letter or digit ("-", "+", "*", "▾") labels nothing. */
const WORDLESS = /^[^\p{L}\p{N}]*$/u;
/** A widget's own parts beside its input: stepper buttons, the shown choice of a menu, an icon. */
const WIDGET_PART = /^(?:button|combobox|listbox|img|presentation)$/;
/** How many wrappers up `wrapperLabel` looks: Ant Design's number field sits six deep in its column. */
const WRAPPER_LEVELS = 7;

/**
 * The label a form framework sets further from its control than `textBeside` looks: Element UI's and Ant
 * Design's label column beside the control's column, several wrappers up (a number field wraps its input
 * in steppers), Material UI's label beside a menu's hidden input. Each wrapper on the way holds this
 * control alone, and the widget's own parts (stepper buttons, the shown choice, an icon, a lone "-") are
 * passed over.
 */
function wrapperLabel(control: Element, value: string): string | null {
  let current: Element = control;
  for (let level = 0; level < WRAPPER_LEVELS; level += 1) {
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling !== null && steps < 3; steps += 1, sibling = sibling.previousElementSibling) {
      if (controlsWithin(sibling, SECTION_NODES) !== 0) return null;
      if (WIDGET_PART.test(sibling.getAttribute('role') ?? '') || /^(?:svg|i|img)$/i.test(sibling.tagName)) continue;
      // Read no further than a label's length: a longer text is no label, whatever it holds.
      const text = shortWords(sibling.ownerDocument, sibling, 60, SECTION_NODES);
      if (text === null) return null;
      // The menu's shown choice ("STARTTLS" beside its box holding "starttls") is no label.
      if (WORDLESS.test(text) || (value !== '' && text === value)) continue;
      // "Outgoing server: smtp.example.com" beside a field is another setting shown, not this field's label.
      return HOLDS_VALUE.test(text) ? null : text;
    }
    const parent = current.parentElement;
    if (parent === null || /^(?:form|fieldset|body)$/i.test(parent.tagName) || controlsWithin(parent, SECTION_NODES) !== 1) return null;
    current = parent;
  }
  return null;
}

/** Whether a text names a setting: a server, port, security, login or authentication. */
const namesSetting = (text: string): boolean =>
  [SERVER_WORD, PORT_WORD, SECURITY_LABEL, USER_WORD, AUTH_LABEL, OUTGOING_SERVER, INCOMING_SERVER, CJK_SERVER, CJK_PORT_WORD, CJK_SECURITY].some((pattern) => has(pattern, text));

/** A host name, an address or a number of two digits or more: a text holding one is a value, not a label. */
const HOLDS_VALUE = /[a-z0-9-]\.[a-z]{2,}|@|\d{2}/i;

/** A heading is no sentence: a help line above a form is passed over, not read as one. */
const SENTENCE_END = /[.!?。！？]$/u;
/** A sibling with more child elements than this is a block of content, not a heading: it ends the way back unread. */
const HEADING_CHILDREN = 12;

/**
 * Whether a sibling's text is a heading, read cheaply: `null` for a block of content (more than a line of
 * words, or many elements: read no further than that), `''` for no text or a sentence (a help line, passed
 * over), else the heading's text, however long ("Incoming mail server settings (IMAP or POP3)").
 */
function headingText(sibling: Element): string | null {
  if (sibling.childElementCount > HEADING_CHILDREN) return null;
  const text = shortWords(sibling.ownerDocument, sibling);
  if (text === null) return null;
  return SENTENCE_END.test(text) ? '' : text;
}

/**
 * The direction a form's own heading gives ("Servidor de saída (SMTP)" over a card whose form holds
 * Server and Port): the nearest heading before the form or up to three of its wrappers, where nothing
 * between holds a control. The nearest heading decides, a direction or none: a "Fetch mail from another
 * account" heading never lets an earlier "Outgoing server" through.
 */
function formHeadingDirection(form: Element): Direction {
  let current: Element | null = form;
  for (let level = 0; level < 4 && current !== null && !/^body$/i.test(current.tagName); level += 1) {
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling !== null && steps < 3; steps += 1, sibling = sibling.previousElementSibling) {
      const text = headingText(sibling);
      if (text === null || sibling.querySelector(HOLDS_CONTROL) !== null) return null;
      if (text !== '') return headerDirection(text, false);
    }
    current = current.parentElement;
  }
  return null;
}

/**
 * How many controls a person sees within `element` (a hidden input beside a menu, its stored choice, is part
 * of that menu), counted up to `most` (by default 0, 1 or 2, two or more), or Infinity once more than
 * `maxNodes` elements were looked at: a block that big is content, not a field or a section of a form.
 */
function controlsWithin(element: Element, maxNodes: number, most = 2): number {
  const walker = element.ownerDocument.createTreeWalker(element, 0x1);
  let found = 0;
  for (let node = walker.currentNode as Element | null, seen = 0; node !== null; node = walker.nextNode() as Element | null, seen += 1) {
    if (seen > maxNodes) return Infinity;
    if (/^(?:input|select|textarea|button)$/i.test(node.tagName) && node.getAttribute('type')?.toLowerCase() !== 'hidden' && (found += 1) >= most) return most;
  }
  return found;
}

/** The direction the field's fieldset legend gives, else its section's header (`sectionDirection`). */
function legendOrSectionDirection(control: Element, form: Element | null): Direction {
  const legend = control.closest('fieldset')?.querySelector('legend')?.textContent;
  return (legend ? directionOf(normalise(legend)) : null) ?? sectionDirection(control, form);
}

/**
 * The direction a field's own heading gives, and only that: its fieldset's legend, its section's header, the
 * heading of the block it stands in, or its form's heading. Unlike a field's `context`, no direction carried
 * from the labels of earlier fields counts: a "Directory" or "Company" heading names no direction, and the
 * "SMTP host" field above it must not lend its own to an "Address" below.
 */
export function ownHeadingDirection(control: Element): Direction {
  const form = formOf(control);
  return (
    legendOrSectionDirection(control, form) ??
    fieldSectionDirection(control, form) ??
    (form !== null && /^form$/i.test(form.tagName) ? formHeadingDirection(form) : null)
  );
}

/**
 * The direction of the section a field stands in, looked for as deep as frameworks nest (a Vuetify row of
 * Server and Port under its "Outgoing (SMTP)" line): from the field's own block (the widest wrapper that
 * holds this control alone), its section's earlier one-control fields are passed over and the nearest
 * heading decides; a block of several fields or a big block of content ends the way back. Every count and
 * read is bounded, so a page's many stray fields cost no more than their neighbourhoods.
 */
function fieldSectionDirection(control: Element, form: Element | null): Direction {
  return sectionHeadingBefore(ownBlock(control, form, (parent) => controlsWithin(parent, SECTION_NODES) === 1), form);
}

/**
 * A field's own block: the widest wrapper of `start`, up to SETTING_SECTION_LEVELS and inside its form,
 * that `alone` says still holds this field and no other.
 */
function ownBlock(start: Element, form: Element | null, alone: (parent: Element) => boolean): Element {
  let block = start;
  for (let level = 0; level < SETTING_SECTION_LEVELS; level += 1) {
    const parent: Element | null = block.parentElement;
    if (parent === null || parent === form || /^body$/i.test(parent.tagName) || !alone(parent)) break;
    block = parent;
  }
  return block;
}

/** The nearest section heading before a field's block (see `fieldSectionDirection`), up to three wrappers up. */
function sectionHeadingBefore(block: Element, form: Element | null): Direction {
  let current: Element | null = block;
  for (let level = 0; level < 3 && current !== null && current !== form && !/^body$/i.test(current.tagName); level += 1, current = current.parentElement) {
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling !== null && steps < 4 + SECTION_FIELDS; steps += 1, sibling = sibling.previousElementSibling) {
      const controls = controlsWithin(sibling, SECTION_NODES);
      // A block of several fields is another section: what lies before it is that section's.
      if (controls > 1) return null;
      if (controls === 1) continue;
      const text = headingText(sibling);
      if (text === null) return null;
      if (text !== '') return headerDirection(text, false);
    }
  }
  return null;
}

/** Elements a field's block, a section's sibling or a wrapper may hold for `fieldSectionDirection`. */
const SECTION_NODES = 400;

/** Forms whose heading is looked for, per page: a page of many small forms costs no more than this. */
const FORM_HEADINGS = 20;

/**
 * What the settings take a field for: its label, or where that is empty, wordless, only the shown value of
 * its own widget or its placeholder ("Choose…"), the label a framework sets further away (`wrapperLabel`); its direction, or where
 * neither its label, its section nor earlier fields give one, its form's heading. The form smells do not
 * read these: reading framework labels further away, tried for them, turned a real profile form (first and
 * last name, a second address) into an account under the weights as learned.
 */
function forSettings(control: Element, label: string, value: string, context: Direction, form: Element | null, headings: Map<Element, Direction>, labelsByFor: Map<string, Element>): LabelledField['setting'] {
  const type = (control.getAttribute('type') ?? '').toLowerCase();
  const choice = type === 'radio' || type === 'checkbox';
  const hint = clip(control.getAttribute('placeholder'));
  // A placeholder that names the setting ("Port") is label enough; one that asks to choose ("Choisir") is not.
  // The label is only the control's name ("smtp sec"): nothing a person reads named it.
  const named = label !== '' && label === nameLabel(control) && !labelsByFor.has(control.getAttribute('id') ?? '') && control.closest('label') === null &&
    !control.hasAttribute('aria-label') && !control.hasAttribute('aria-labelledby');
  const borrowed = WORDLESS.test(label) || named || (value !== '' && label === value) || (hint !== '' && label === hint && !namesSetting(hint));
  const far = !choice && borrowed ? (wrapperLabel(control, value) ?? (control.tagName.toLowerCase() === 'select' ? labelAfter(control, value) : null)) : null;
  // A name that says what the field holds ("smtp host") gives way only to words that name a setting too.
  const own = far !== null && named && !namesSetting(far) ? null : far;
  // A label that runs into the menu's shown choice ("Tip de securitateSTARTTLS", both in one <label>) loses it.
  const trimmed = !choice && value.length >= 2 && label.length > value.length && label.endsWith(value) ? label.slice(0, -value.length).trim() : label;
  const settingLabel = own === null ? trimmed : clip(own);
  let settingContext = context ?? directionOf(settingLabel) ?? fieldSectionDirection(control, form);
  if (settingContext === null && form !== null && /^form$/i.test(form.tagName)) {
    if (!headings.has(form) && headings.size < FORM_HEADINGS) headings.set(form, formHeadingDirection(form));
    settingContext = headings.get(form) ?? null;
  }
  // A box ticked by its framework's script keeps the state in aria-checked, not in the attribute a saved page has;
  // a ticked box's own caption after it ("☑ Use SSL/TLS", a row's left cell saying "Security:") is what it turns on.
  const checked = choice && (value !== '' || control.getAttribute('aria-checked') === 'true');
  const ownLabel = control.closest('label') !== null || labelsByFor.has(control.getAttribute('id') ?? '');
  // The caption after the box stands in only for a label that names no mode of its own ("Security:", not "Use SSL/TLS").
  const caption = checked && type === 'checkbox' && !ownLabel && !namesMode(label) ? captionAfter(control) : null;
  const ticked = checked ? caption ?? label : value;
  return { label: settingLabel, value: ticked !== '' || choice ? ticked : shownChoice(control, label), context: settingContext };
}

/**
 * The words right after a checkbox that no label names ("<td><input type=checkbox checked> Use SSL/TLS</td>"
 * beside a row's "Security:"), in the same line, if short.
 */
function captionAfter(control: Element): string | null {
  for (let node = control.nextSibling, steps = 0; node !== null && steps < 3; node = node.nextSibling, steps += 1) {
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) continue;
    const element = node.nodeType === ELEMENT_NODE ? (node as Element) : null;
    if (element !== null && /^(?:input|select|textarea|button|br|div|p|table|ul)$/i.test(element.tagName)) return null;
    const text = element !== null ? shortWords(element.ownerDocument, element, 80, SECTION_NODES) : normalise(squeezed(node.textContent));
    if (text === '') continue;
    // "Port:" before the next field is that field's label, not this box's caption.
    return text !== null && text.length <= 80 && !text.endsWith(':') ? text : null;
  }
  return null;
}

/** Whether a label names an encryption mode itself ("Use SSL/TLS"), not only the setting ("Security"). */
export const namesMode = (label: string): boolean => has(STARTTLS, label) || has(IMPLICIT_TLS, label) || has(PLAIN_TLS, label);

/**
 * The choice a framework's menu shows beside its empty read-only box (Vuetify's "<div>SSL/TLS</div><input
 * readonly>", PrimeVue's box in a hidden wrapper before "<span>SSL/TLS</span>"): the nearest sibling's short
 * text, before or after the box or the wrapper that holds it alone, with no control of its own.
 */
function shownChoice(control: Element, label: string): string {
  // Only a menu's box: a read-only text box beside "e.g. smtp.gmail.com" shows an example, not a choice.
  if (!control.hasAttribute('readonly') || !(control.hasAttribute('aria-haspopup') || control.getAttribute('role') === 'combobox' || nearMenu(control))) return '';
  let current: Element = control;
  for (let level = 0; level < 2; level += 1) {
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      let sibling = current[step];
      for (let steps = 0; sibling !== null && steps < 2; steps += 1, sibling = sibling[step]) {
        if (/^(?:input|select|textarea|label|button|a)$/i.test(sibling.tagName) || sibling.hasAttribute('role') || controlsWithin(sibling, SECTION_NODES) !== 0) break;
        const text = shortWords(sibling.ownerDocument, sibling, 40, SECTION_NODES);
        if (text === null) return '';
        if (WORDLESS.test(text)) continue;
        // The field's own label beside it is no choice.
        return text !== label ? text : '';
      }
    }
    // Up to a wrapper that holds the box alone and no words of its own (PrimeVue's hidden-accessible box).
    const parent = current.parentElement;
    if (parent === null || controlsWithin(parent, SECTION_NODES) !== 1 || shortWords(parent.ownerDocument, parent, 0, SECTION_NODES) !== '') break;
    current = parent;
  }
  return '';
}

/**
 * A framework's menu that the form fields leave out: Ant Design's read-only search box with the combobox
 * role, its choice shown in a sibling ("<input type=search role=combobox readonly><span>SSL/TLS</span>"),
 * valued by the text of the nearest wrapper, up to three up, that holds this box alone and shows a short
 * text; or a hidden input inside a menu widget (Semantic UI, Ionic), valued by the choice it stores. Read for
 * the settings only: a language or time-zone picker drawn the same way would count as a form field for the
 * smells.
 */
function frameworkMenu(document: Document, control: Element, labelsByFor: Map<string, Element>, headings: Map<Element, Direction>): LabelledField | null {
  let shown = '';
  /** What a person sees of the menu, which the open hint keeps clear of: the hidden input shows nothing. */
  let seen: Element | null = null;
  if ((control.getAttribute('type') ?? '').toLowerCase() === 'hidden') {
    // A menu's stored choice: the hidden input of Semantic UI's dropdown or Ionic's select, inside the menu.
    const stored = squeezed(control.getAttribute('value'));
    seen = inMenu(control);
    if (stored !== '' && stored.length <= 40 && seen !== null) shown = stored;
  } else if (control.getAttribute('role') === 'combobox' && control.hasAttribute('readonly')) {
    let current: Element | null = control.parentElement;
    for (let level = 0; level < 3 && current !== null && shown === ''; level += 1, current = current.parentElement) {
      // Nothing chosen: the menu shows its placeholder ("Select…").
      if (controlsWithin(current, SECTION_NODES) > 1 || current.querySelector('[class*="placeholder"]') !== null) break;
      shown = shortWords(current.ownerDocument, current, 60, SECTION_NODES) ?? '';
      seen = current;
    }
  }
  if (shown === '' || seen === null) return null;
  const label = labelOf(document, control, labelsByFor);
  const value = clip(shown);
  const form = formOf(control);
  const context = sectionDirection(control, form);
  return { element: seen, label, value, context, outgoingColumn: false, tag: 'select', type: 'select', setting: forSettings(control, label, value, context, form, headings, labelsByFor), settingsOnly: true };
}

/**
 * A script-built radio button that is chosen (Angular Material's md-radio-button, role="radio"
 * aria-checked="true"): its shown text is the choice, its group's name ("Verschlüsselung SMTP", from
 * aria-label or aria-labelledby, else the group's first short text) the label. Read for the settings only,
 * as a native radio's choice is.
 */
function chosenRadio(document: Document, control: Element, labelsByFor: Map<string, Element>, headings: Map<Element, Direction>): LabelledField | null {
  const value = shortWords(document, control, 40, SECTION_NODES) ?? '';
  if (value === '') return null;
  const group = control.closest('[role="radiogroup"]');
  let label = '';
  if (group !== null) {
    label = labelOf(document, group, labelsByFor);
    if (label === '' || label === value) {
      const first = Array.from(group.children).slice(0, 8).find((child) => child.getAttribute('role') !== 'radio');
      label = first ? (shortWords(document, first, 60, SECTION_NODES) ?? '') : '';
    }
  }
  const near = group ?? control;
  if (label === '') label = clip(textBeside(near));
  // Its direction as a field's: its own label, its section's heading (the group is the field's block), its
  // form's heading; an IMAP card's group is no SMTP one.
  const form = formOf(near);
  // The group's block: its row with its label, holding no native field and no other group (counted only
  // in a block `controlsWithin` found small).
  const block = ownBlock(near, form, (parent) => controlsWithin(parent, SECTION_NODES) === 0 && parent.querySelectorAll('[role="radiogroup"]').length <= 1);
  const context = directionOf(label) ?? sectionHeadingBefore(block, form);
  const setting = forSettings(near, label, value, context, form, headings, labelsByFor);
  return { element: control, label, value, context, outgoingColumn: false, tag: 'input', type: 'radio', setting: { ...setting, value }, settingsOnly: true };
}

/** The form, dialog or fieldset a field stands in, if any: the extent of its form heading and of its settings. */
export const formOf = (element: Element): Element | null => element.closest('form, [role="dialog"], fieldset');

/** A menu widget by its tag or class name: "ui selection dropdown", "ion-select", "p-dropdown", "q-select". */
const MENU_NAME = /(?:^|[\s_-])(?:dropdown|select|combobox)(?:$|[\s_-])/i;

/** Whether a box lies in a menu widget by its kit's class names ("v-select", "p-dropdown"), up to three wrappers up. */
function nearMenu(control: Element): boolean {
  let current: Element | null = control.parentElement;
  for (let level = 0; level < 3 && current !== null; level += 1, current = current.parentElement) {
    if (MENU_NAME.test(current.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** The menu widget a hidden input lies in, its own element or one or two wrappers up, if any. */
function inMenu(control: Element): Element | null {
  let current: Element | null = control.parentElement;
  for (let level = 0; level < 2 && current !== null; level += 1, current = current.parentElement) {
    // A wrapper that holds a visible control too ("input select optional" around a <select>) is a field's, not a menu.
    if (MENU_NAME.test(current.localName) || MENU_NAME.test(current.getAttribute('class') ?? '')) return controlsWithin(current, SECTION_NODES) === 0 ? current : null;
  }
  return null;
}

const FIELDS_OF_ITS_OWN = 'fieldset, select, textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="submit"]):not([type="button"]):not([type="image"])';

function labelOf(document: Document, control: Element, labelsByFor: Map<string, Element>): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return clip(text);
  }
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel?.trim()) return clip(ariaLabel);
  const id = control.getAttribute('id');
  const forLabel = id ? labelsByFor.get(id) : undefined;
  if (forLabel) return clip(forLabel.textContent);
  const wrapping = control.closest('label');
  if (wrapping) {
    const text = labelTextWithout(wrapping, control);
    if (text.trim()) return clip(text);
  }
  const cell = control.closest('td, dd');
  const grid = cell ? gridLabel(cell) : null;
  if (grid) return clip(grid);
  // The cell to the left labels the control unless it holds fields of its own (a fieldset, a text field, a
  // menu): then the two cells are columns of a layout (incoming fields beside outgoing ones), and the label
  // is inside the control's own cell. A checkbox or hidden input beside a label's text leaves it a label.
  const leftCell = cell?.previousElementSibling;
  if (leftCell?.textContent?.trim() && leftCell.querySelector(FIELDS_OF_ITS_OWN) === null) return clip(leftCell.textContent);
  const above = cell ? cellAbove(cell) : null;
  if (above) return clip(above);
  const beside = textBeside(control);
  if (beside) return clip(beside);
  const placeholder = control.getAttribute('placeholder') ?? control.getAttribute('title');
  if (placeholder?.trim()) return clip(placeholder);
  return nameLabel(control);
}

/** A control's name as words ("smtp_sec" → "smtp sec"), the label of last resort. */
function nameLabel(control: Element): string {
  const name = control.getAttribute('name') ?? control.getAttribute('id') ?? '';
  return clip(name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-[\].]+/g, ' '));
}

/**
 * The label set after a menu, with the choice it shows (Framework7's smart select: a hidden <select>, then
 * "Security | STARTTLS" in the list row): the next sibling's words, when they end with the chosen option.
 */
function labelAfter(control: Element, value: string): string | null {
  const next = control.nextElementSibling;
  if (next === null || value === '' || controlsWithin(next, SECTION_NODES) !== 0) return null;
  const words = shortWords(next.ownerDocument, next, 60, SECTION_NODES);
  if (words === null || !words.endsWith(value) || words.length <= value.length) return null;
  const label = words.slice(0, -value.length).trim();
  return WORDLESS.test(label) || HOLDS_VALUE.test(label) ? null : label;
}

function valueOf(control: Element, tag: LabelledField['tag'], type: string, label: string): string {
  if (tag === 'select') {
    const options = Array.from(control.querySelectorAll('option')).slice(0, 40);
    const chosen = options.find((option) => (option as HTMLOptionElement).selected === true) ?? options[0];
    return clip(chosen?.textContent);
  }
  if (type === 'radio' || type === 'checkbox') {
    const checked = (control as HTMLInputElement).checked ?? control.hasAttribute('checked');
    return checked ? label : '';
  }
  if (type === 'password') return '';
  const live = (control as HTMLInputElement).value;
  return clip(typeof live === 'string' ? live : control.getAttribute('value'));
}

/**
 * The direction a section header above the control gives ("IMAP" then "SMTP" columns, "Outgoing
 * server" over a block of fields) when no fieldset legend does: the nearest earlier sibling without
 * controls and with a short text, at the control's level or up to four wrappers up, inside its form.
 * The section's earlier fields, one control each, are passed over ("Outgoing (SMTP)", then its Server
 * field, then its Port field), up to SECTION_FIELDS of them.
 */
function sectionDirection(control: Element, form: Element | null): Direction {
  let current: Element | null = control.parentElement;
  for (let level = 0; level < 5 && current !== null && current !== form; level += 1) {
    let sibling = current.previousElementSibling;
    let fieldsPassed = 0;
    let textPassed = false;
    for (let steps = 0; sibling !== null && steps < 4 + fieldsPassed; steps += 1, sibling = sibling.previousElementSibling) {
      const controls = sibling.querySelectorAll('input, select, textarea').length;
      if (controls > 0) {
        // One field of the section is passed over; a block of several is another section, whose header is not
        // this one's, and so is what lies beyond a text passed over (a heading too long to read).
        if (controls > 1 || textPassed) break;
        // The nearest earlier field whose label names a direction ("SMTP server") gives it.
        const label = squeezed(sibling.textContent);
        const direction = label.length <= 60 ? directionOf(normalise(label)) : null;
        if (direction !== null) return direction;
        fieldsPassed += 1;
        if (fieldsPassed > SECTION_FIELDS) break;
        continue;
      }
      const header = squeezed(sibling.textContent);
      if (header === '') continue;
      // Above the section's fields stands its header or nothing of this section: a heading too long to
      // read ends the way back, so an earlier section's header is never borrowed.
      if (fieldsPassed > 0) return header.length <= 40 ? directionOf(normalise(header)) : null;
      if (header.length <= 40) {
        const direction = directionOf(normalise(header));
        if (direction !== null) return direction;
      }
      textPassed = true;
    }
    current = current.parentElement;
  }
  return null;
}

/** Rows passed over, upwards, between a field's row and its table's column headers. */
const ROWS_UP_TO_HEADER = 6;
/** Controls a table cell may hold and still be one field's cell, not a layout table's column holding a form. */
const CELL_CONTROLS = 4;
/** Elements such a cell may hold: a field, its label, a menu's options, a wrapper or two. */
const CELL_NODES = 60;

/**
 * A header's direction: the direction words, or receiving or sending mail said with a verb, which a
 * header says of its section or column and a label seldom does: "Sending Mail" over a route's host and
 * port; in a column header, whose row must name both directions, the verb alone ("Receive mail: | Send
 * mail", "Empfangen | Senden"). Only the settings read headers so (`forSettings`).
 */
function headerDirection(words: string, column: boolean): Direction {
  const named = directionOf(words);
  if (named !== null) return named;
  const receiving = (column ? RECEIVING : RECEIVING_MAIL).test(words);
  return receiving === (column ? SENDING : SENDING_MAIL).test(words) ? null : receiving ? 'incoming' : 'outgoing';
}
const RECEIVE_VERB = String.raw`(?:receiv(?:e|ing)|fetch(?:ing)?|empfang(?:en)?|recevoir|recibir|ricevere|receber|ontvangen|odbieranie|přijímání)`;
const SEND_VERB = String.raw`(?:send(?:ing)?|senden|versand|envoyer|envoi|enviar|envío|inviare|invio|verzenden|versturen|wysyłanie|odesílání)`;
const MAIL_NOUN = String.raw`(?:mails?|e-?mails?|courriels?|correos?|posta|post|poczt[yaę])`;
const RECEIVING = new RegExp(String.raw`(?<![\p{L}])${RECEIVE_VERB}(?![\p{L}])`, 'u');
const SENDING = new RegExp(String.raw`(?<![\p{L}])${SEND_VERB}(?![\p{L}])`, 'u');
/** The verb beside a mail noun, either order: "Sending mail", "E-Mails senden", "Envoi des e-mails". */
const RECEIVING_MAIL = new RegExp(String.raw`(?<![\p{L}])(?:${RECEIVE_VERB}\s+(?:(?:the|des|de|di|der|die)\s+)?${MAIL_NOUN}|${MAIL_NOUN}\s+${RECEIVE_VERB})(?![\p{L}])`, 'u');
const SENDING_MAIL = new RegExp(String.raw`(?<![\p{L}])(?:${SEND_VERB}\s+(?:(?:the|des|de|di|der|die)\s+)?${MAIL_NOUN}|${MAIL_NOUN}\s+${SEND_VERB})(?![\p{L}])`, 'u');

/**
 * The direction a two-column form table's header row gives a field's column: "Receive mail: | Send mail"
 * above rows whose cells hold the incoming server's fields on the left and the outgoing one's on the
 * right, each labelled only "Port", "Login", "Password". The header row is the first row above holding no
 * control, with as many cells as the field's row, each a few words, two of them naming opposite
 * directions; anything else gives none, and so does a cell holding a whole form (a layout table's).
 */
function columnDirection(document: Document, control: Element): Direction {
  const cell = control.closest('td, th');
  const row = cell?.parentElement;
  if (cell === null || cell === undefined || row === null || row === undefined || !/^tr$/i.test(row.tagName) || row.children.length < 2) return null;
  // One field's cell: a few elements and controls, not a layout table's column holding a form.
  if (controlsWithin(cell, CELL_NODES, CELL_CONTROLS + 1) > CELL_CONTROLS) return null;
  const column = Array.from(row.children).indexOf(cell);
  let above = row.previousElementSibling;
  for (let steps = 0; above !== null && steps < ROWS_UP_TO_HEADER; steps += 1, above = above.previousElementSibling) {
    // Every look is bounded, so a page's many fields in a layout table cost no more than their rows.
    const controls = controlsWithin(above, SECTION_NODES);
    if (controls === Infinity) return null;
    if (controls > 0) continue;
    if (above.children.length !== row.children.length) return null;
    const directions = Array.from(above.children, (header) => {
      const words = shortWords(document, header, 40, 40);
      return words === null || words === '' ? null : headerDirection(normalise(words), true);
    });
    return directions.includes('incoming') && directions.includes('outgoing') ? (directions[column] ?? null) : null;
  }
  return null;
}

/** Text with its runs of white space made one space, trimmed: a pretty-printed template's indentation is no length. */
export const squeezed = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Fields of a section passed over on the way back to its header. */
const SECTION_FIELDS = 6;
/** Wrappers a field's own block may have, for `fieldSectionDirection`: as deep as frameworks nest a field. */
const SETTING_SECTION_LEVELS = 9;

/** A label that is the word "Secure" and nothing else: it needs its column to mean anything. */
export const SECURE_ALONE = /^\s*secure\s*:?\s*$/;
/** A text field, number, menu or text area: what a row of server fields holds. */
const FIELD_ROW_CONTROL = 'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea';
/** A row's whole text when it is only a server's labels: "Server Port", "Host name: Port". */
const SERVER_ROW_TEXT = /^(?:(?:server|host|hostname|host name|port|address)\s*:?\s*)+$/;
/** A column header that names the outgoing server and nothing else. */
const OUTGOING_COLUMN = /^(?:smtp|outgoing|outgoing server|outgoing mail|outgoing mail server|submission)$/;
/**
 * Rows of server fields a column header may stand above before the row asking, and still be its header:
 * one. With two, a grid that lays two columns out row by row in one container ("Sieve", "SMTP", then
 * both server rows, then both menus) would lend the right column's header to the left column's menu.
 */
const MAX_ROWS_UNDER_HEADER = 1;

/** Elements whose text is no label or header a reader sees. */
const UNREAD_TAGS = 'SCRIPT|STYLE|TEMPLATE|NOSCRIPT';
const UNREAD = new RegExp(`^(?:${UNREAD_TAGS})$`, 'i');
/** Passed over between a column's header and its menu: they show nothing and carry no name. */
const PASSED_OVER = new RegExp(`^(?:BR|HR|${UNREAD_TAGS})$`, 'i');

/** What holds a control of its own: no header or plain row of labels does. */
const HOLDS_CONTROL = 'input, select, textarea, button';

/** SHOW_ELEMENT and SHOW_TEXT of the DOM NodeFilter interface, as numbers (linkedom defines no such global). */
const ELEMENTS_AND_TEXT = 0x1 | 0x4;

/**
 * An element's visible words, spaces squeezed, or null when they run past `max` characters or the
 * element holds more than `maxNodes` nodes: too long or too big to be a header or a row of labels.
 */
function shortWords(document: Document, element: Element, max = 80, maxNodes = 300): string | null {
  const walker = document.createTreeWalker(element, ELEMENTS_AND_TEXT);
  const words: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(), visited = 0; node !== null; node = walker.nextNode(), visited += 1) {
    if (visited >= maxNodes) return null;
    if (node.nodeType === 1) continue;
    const parent = node.parentElement;
    if (parent !== null && UNREAD.test(parent.tagName)) continue;
    const text = ((node as CharacterData).data ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0) continue;
    length += text.length + 1;
    if (length > max + 1) return null;
    words.push(text);
  }
  return normalise(words.join(' ')).trim();
}

/**
 * Hidden (its `hidden` or `aria-hidden` attribute, or an inline display: none or visibility: hidden), or
 * named by an attribute rather than by text a reader sees (aria-label, aria-labelledby, title).
 */
const hiddenOrNamed = (element: Element): boolean =>
  element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '') ||
  element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') || element.hasAttribute('title');
/** An inline style that hides its element and everything in it. */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** How many wrappers up `shownFields` looks: deeper than any form's nesting in the corpus. */
const MOST_WRAPPERS = 40;

/**
 * The fields not behind an option left unticked: a wrapper the page's own markup hides (the `hidden`
 * attribute, or an inline display: none or visibility: hidden) right after an unticked checkbox (the
 * element before it holds the box, or a help text stands between them), as a form hides the fields of
 * an option that is off (Zurmo's custom outbound server under an unticked box, its port still at its
 * default 25). Other hidden wrappers keep their fields: a tab's panel not opened yet or a collapsed
 * "Advanced" block still holds the account's settings, one click away. A control's own style is not
 * asked either: a menu library hides the native select it draws over. Stylesheets are not read (a
 * saved copy read by the CLI has none of them).
 */
export function shownFields<F extends { element: Element }>(fields: readonly F[]): F[] {
  const behindBox = new Map<Element, boolean>();
  const behindUntickedBox = (wrapper: Element): boolean => {
    const known = behindBox.get(wrapper);
    if (known !== undefined) return known;
    let answer = false;
    let sibling = wrapper.previousElementSibling;
    for (let step = 0; sibling !== null && step < 2; step += 1, sibling = sibling.previousElementSibling) {
      const boxes = sibling.matches('input[type="checkbox"]') ? [sibling] : [...sibling.querySelectorAll('input[type="checkbox"]')];
      const box = boxes.at(-1);
      // A help text between the box and its block is passed over; other controls (tab buttons) end the look.
      if (box === undefined) {
        if (sibling.matches(HOLDS_CONTROL) || sibling.querySelector(HOLDS_CONTROL) !== null) break;
        continue;
      }
      // The box as it stands now where the page runs (its `checked` property), as it was written in a saved copy.
      const ticked = (box as HTMLInputElement).checked;
      answer = !(typeof ticked === 'boolean' ? ticked : box.hasAttribute('checked'));
      break;
    }
    behindBox.set(wrapper, answer);
    return answer;
  };
  const hidden = (control: Element): boolean => {
    let node = control.parentElement;
    for (let depth = 0; node !== null && depth < MOST_WRAPPERS; depth += 1, node = node.parentElement) {
      if ((node.hasAttribute('hidden') || HIDING_STYLE.test(node.getAttribute('style') ?? '')) && behindUntickedBox(node)) return true;
    }
    return false;
  };
  return fields.filter((field) => !hidden(field.element));
}

/** What shows words of its own beyond text: a button's caption, an image's or icon's meaning, a named badge. */
const SHOWS_MORE =
  'button, img, svg, i, [role="img"], [title], [aria-label], [aria-labelledby], input[type="button"], input[type="submit"], input[type="reset"], input[type="image"]';

/**
 * Whether a header has another short line of text right before it ("IMAP" then "SMTP"): the headers of a
 * grid laid out row by row, where the one nearest a menu need not be its column's.
 */
function besideAnotherHeader(document: Document, header: Element): boolean {
  let before = header.previousElementSibling;
  while (before !== null && PASSED_OVER.test(before.tagName)) before = before.previousElementSibling;
  if (before === null || before.querySelector(HOLDS_CONTROL) !== null) return false;
  const words = shortWords(document, before);
  return words !== null && words.length > 0;
}

/**
 * Whether a bare "Secure" menu stands in the outgoing server's column, read strictly: a column of a
 * webmail admin's domain dialog is a header ("SMTP"), a row with the server and port fields, then the
 * menu. From the menu up to three wrappers up (not out of its form, dialog or fieldset, nor out of a
 * wrapper hidden or named by an attribute, see `hiddenOrNamed`), the nodes before it are read nearest
 * first, at most eight elements and text runs at each level. Comments, blank text, line breaks, rules and
 * scripts are passed over, and so is, at the menu's own level, its own "Secure" label (text or element);
 * so is one row of fields (at most eight children, a text field or menu, no button, image, icon or
 * element named by an attribute) whose whole text is a server's labels ("Server Port"). The first other
 * node decides: the column is outgoing only when it is an element whose whole text (scripts left out,
 * spaces squeezed) is exactly an outgoing header ("SMTP", "Outgoing server"), neither hidden nor named by
 * an attribute, holding no control, not a control's label (a tab's), and with no other short line right
 * before it (`besideAnotherHeader`). Anything else (another header such as "Sieve" or "Outbound proxy",
 * bare text, an icon, a toggle or field of its own, a text too long to read whole, a row with other
 * words in it, a second row) gives no, and so does a level where a row was passed over with no header
 * above it: no column borrows another's header.
 */
export function inOutgoingColumn(document: Document, control: Element, form: Element | null): boolean {
  let current: Element | null = control;
  for (let level = 0; level < 4 && current !== null && current !== form; level += 1) {
    let rows = 0;
    let node = current.previousSibling;
    for (let steps = 0; node !== null && steps < 8; node = node.previousSibling) {
      if (node.nodeType === 3 || node.nodeType === 8) {
        // Text: blank, or the menu's own label right beside it, or else what stands between decides (no).
        const text = normalise(((node as CharacterData).data ?? '').slice(0, 200)).trim();
        if (node.nodeType === 8 || text.length === 0) continue;
        steps += 1;
        if (level === 0 && rows === 0 && SECURE_ALONE.test(text)) continue;
        return false;
      }
      if (node.nodeType !== 1) continue;
      steps += 1;
      const sibling = node as Element;
      if (PASSED_OVER.test(sibling.tagName)) continue;
      const words = hiddenOrNamed(sibling) ? null : shortWords(document, sibling);
      if (words === null) return false;
      if (level === 0 && rows === 0 && SECURE_ALONE.test(words) && sibling.querySelector(HOLDS_CONTROL) === null) continue;
      if (
        SERVER_ROW_TEXT.test(words) && sibling.childElementCount <= 8 && sibling.querySelector(FIELD_ROW_CONTROL) !== null &&
        sibling.querySelector(SHOWS_MORE) === null
      ) {
        rows += 1;
        if (rows > MAX_ROWS_UNDER_HEADER) return false;
        continue;
      }
      return (
        OUTGOING_COLUMN.test(words) && sibling.tagName.toUpperCase() !== 'LABEL' &&
        sibling.querySelector(HOLDS_CONTROL) === null && !besideAnotherHeader(document, sibling)
      );
    }
    if (rows > 0 || node !== null) return false;
    const parent: Element | null = current.parentElement;
    if (parent !== null && parent !== form && hiddenOrNamed(parent)) return false;
    current = parent;
  }
  return false;
}

/** The heading `element` is, or holds as a child (a card header holding its h3), or null. */
function headingOf(element: Element): Element | null {
  if (HEADING.test(element.tagName)) return element;
  if (element.childElementCount > 3) return null;
  return Array.from(element.children).find((child) => HEADING.test(child.tagName)) ?? null;
}

/**
 * The direction of the heading just before a table ("Outgoing mail" over a client-setup table, or in the
 * header of the card the table sits in), at the table's level or up to four wrappers up. Only a heading
 * counts: a table stands in running text more often than a control does, and a short sentence before it
 * is no header. Siblings with at most three element children (a paragraph, a short list) are passed
 * over, a bigger block ends the search at its level, and the nearest heading decides, with or without a
 * direction. Only the heading's own text is read, and at most 160 characters of it, so a huge page costs
 * no more than a small one.
 */
export function headingDirection(document: Document, table: Element): Direction {
  let current: Element | null = table;
  for (let level = 0; level < 5 && current !== null; level += 1) {
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling !== null && steps < 4; steps += 1, sibling = sibling.previousElementSibling) {
      const heading = headingOf(sibling);
      if (heading !== null) return directionOf(normalise(textOf(document, heading, 160)));
      if (sibling.childElementCount > 3) break;
    }
    current = current.parentElement;
  }
  return null;
}

/**
 * The direction of what stands right before a key/value list: a heading ("SMTP settings", or a card
 * header holding one) or a short line of its own ("IMAP" in bold). Only the list's nearest earlier
 * sibling is read: beyond it lies another list's heading, whose direction is not this list's.
 */
export function listHeadingDirection(document: Document, list: Element): Direction {
  const sibling = list.previousElementSibling;
  if (sibling === null) return null;
  const heading = headingOf(sibling);
  if (heading !== null) return directionOf(normalise(textOf(document, heading, 160)));
  if (sibling.querySelector('ul, ol, dl, table, input, select, textarea') !== null) return null;
  const text = textOf(document, sibling, 80);
  return text.trim().length > 0 && text.length <= 40 ? directionOf(normalise(text)) : null;
}

/** Protocol words in a control's name or id ("smtp_hostname", "imapPort", "sieve_host"), split into words. */
const NAME_WORD = /[a-z0-9]+/g;
const OUTGOING_NAME = new Set(['smtp', 'smtps', 'outgoing', 'outbound', 'submission']);
const INCOMING_NAME = new Set(['imap', 'imaps', 'pop', 'pop3', 'pop3s', 'incoming', 'inbound']);
const OTHER_NAME = new Set(['sieve', 'managesieve', 'ldap', 'caldav', 'carddav', 'xmpp', 'ftp', 'sftp', 'ssh', 'proxy']);

/**
 * Which server a control's name or id says it belongs to, where its label does not: a tabbed dialog
 * labels IMAP's, SMTP's and Sieve's fields alike "Host" and "Port", and only the markup
 * (name="smtp_hostname") and the tab strip tell them apart. "other" for another protocol's fields: it
 * ends the run of a direction, so a Sieve port after the SMTP block is not given the SMTP block's
 * direction (extract.ts then passes over it where another field names the outgoing port).
 */
function nameDirection(control: Element): Direction | 'other' {
  const name = `${control.getAttribute('name') ?? ''} ${control.getAttribute('id') ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  const words = name.match(NAME_WORD) ?? [];
  if (words.some((word) => OTHER_NAME.has(word))) return 'other';
  // Run-together names too: "smtphost", "imapport", "pop3server".
  const outgoing = words.some((word) => OUTGOING_NAME.has(word) || /^smtps?(?:host|server|port|user|pass|ssl|tls|auth|security)/.test(word));
  const incoming = words.some((word) => INCOMING_NAME.has(word) || /^(?:imaps?|pop3s?)(?:host|server|port|user|pass|ssl|tls|auth|security)/.test(word));
  if (outgoing === incoming) return null;
  return outgoing ? 'outgoing' : 'incoming';
}

export function readFields(document: Document, elements: PageElements = collectElements(document)): LabelledField[] {
  const labelsByFor = new Map<string, Element>();
  for (const label of elements.labels) {
    const target = label.getAttribute('for');
    if (target && !labelsByFor.has(target)) labelsByFor.set(target, label);
  }
  const fields: LabelledField[] = [];
  const headings = new Map<Element, Direction>();
  let lastForm: Element | null = null;
  let lastDirection: Direction = null;
  for (const control of elements.controls) {
    const role = control.getAttribute('role');
    const native = /^(?:input|select|textarea)$/i.test(control.tagName);
    // An ARIA widget reads like the native control it stands for, its shown text as its value.
    const tag = (native ? control.tagName.toLowerCase() : role === 'combobox' || role === 'listbox' ? 'select' : 'input') as LabelledField['tag'];
    const type = native ? (control.getAttribute('type') ?? (tag === 'input' ? 'text' : tag)).toLowerCase() : role === 'spinbutton' ? 'number' : tag === 'select' ? 'select' : 'text';
    if (!native) {
      const label = labelOf(document, control, labelsByFor);
      const shown = control.getAttribute('aria-valuetext') ?? control.getAttribute('aria-valuenow') ?? control.textContent ?? '';
      const context = directionOf(label) ?? lastDirection;
      fields.push({ element: control, label, value: clip(shown), context, outgoingColumn: false, tag, type, setting: { label, value: clip(shown), context } });
      continue;
    }
    if (IGNORED_TYPES.has(type)) {
      const menu = frameworkMenu(document, control, labelsByFor, headings);
      if (menu !== null) fields.push(menu);
      continue;
    }
    const form = formOf(control);
    if (form !== lastForm) lastDirection = null;
    lastForm = form;
    const label = labelOf(document, control, labelsByFor);
    const legendDirection = legendOrSectionDirection(control, form);
    const labelDirection = type === 'radio' || type === 'checkbox' ? null : directionOf(label);
    const byName = labelDirection === null && legendDirection === null ? nameDirection(control) : null;
    if (labelDirection !== null) lastDirection = labelDirection;
    else if (byName === 'other') lastDirection = null;
    else if (byName !== null) lastDirection = byName;
    // A heading or legend that gives this field another side ends the side carried from the labels before it: an
    // "SMTP" heading after "IMAP server" and "IMAP port" leaves its later fields (a radio group under a bare caption)
    // with no side rather than the incoming one.
    else if (legendDirection !== null && legendDirection !== lastDirection) lastDirection = null;
    const value = valueOf(control, tag, type, label);
    const context = legendDirection ?? lastDirection;
    fields.push({
      element: control,
      label,
      value,
      context,
      outgoingColumn: tag === 'select' && SECURE_ALONE.test(label) && inOutgoingColumn(document, control, form),
      tag,
      type,
      // The settings take a two-column table's header over the run of earlier labels ("SMTP Server", then
      // the left column's "Port"); the smells keep `context` as the weights learned it.
      setting: forSettings(control, label, value, legendDirection ?? (labelDirection === null ? columnDirection(document, control) : null) ?? context, form, headings, labelsByFor),
    });
  }
  for (const radio of elements.radios) {
    const choice = chosenRadio(document, radio, labelsByFor, headings);
    if (choice !== null) fields.push(choice);
  }
  return fields;
}
