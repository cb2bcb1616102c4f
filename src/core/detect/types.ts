/** Types shared by the page classifier, its detectors and its callers. */

export type PageKind = 'article' | 'account' | 'none';

export type SecurityMode = 'starttls' | 'tls' | 'none';

export interface ExtractedSettings {
  outgoingServer: string | null;
  port: number | null;
  security: SecurityMode | null;
  /** One of the `Authentication` words of core/api.ts ("password", "oauth2", "none", "smtp-after-pop") when recognised. */
  authentication: string | null;
  incomingServer: string | null;
  /**
   * The element the hint should sit beside on account pages, for the content script: the outgoing port
   * input when the page has a form, else the table, list or block that names the outgoing server. Null on
   * articles and other pages. A DOM node: drop it before serialising (the CLI does).
   */
  anchor: Element | null;
  /**
   * On account pages, the elements that show the outgoing settings (the outgoing server's, port's,
   * security's and authentication's fields, or the table or list that gives them), at most a dozen:
   * the content script keeps the opened hint clear of them. Empty elsewhere; dropped before serialising.
   */
  shownIn: Element[];
}

export interface PageClassification {
  kind: PageKind;
  /** 0..1 */
  confidence: number;
  /** Short machine-readable reasons such as "title:smtp", "form:label:outgoing-server", "near-miss:router". */
  signals: string[];
  settings: ExtractedSettings;
  /** Id of the mail client the page is about (see client-id.ts), or null. */
  clientId: string | null;
}

export interface ClassifyOptions {
  signal?: AbortSignal;
  /** Characters of page text the classifier may read; 64 KiB by default. */
  textBudget?: number;
}

export type Direction = 'outgoing' | 'incoming' | null;

/** One form control with the words a person sees next to it. */
export interface LabelledField {
  element: Element;
  label: string;
  value: string;
  /** The direction the nearest fieldset legend or earlier server field gives this control. */
  context: Direction;
  /** A menu labelled only "Secure" that stands in the outgoing server's column (`inOutgoingColumn`). */
  outgoingColumn: boolean;
  tag: 'input' | 'select' | 'textarea';
  type: string;
  /**
   * What the settings read from the form take this field for, where a form framework sets its words further
   * away than `label`, `value` and `context` look (fields.ts `forSettings`). The form smells keep those, as
   * the weights learned them.
   */
  setting: { label: string; value: string; context: Direction };
  /** Read for the settings alone (a kit's menu over a hidden box, a chosen script-built radio): the smells pass it over. */
  settingsOnly?: boolean;
}

/** One "key → value" pair read from a table row, a definition list or a labelled row. */
export interface SettingPair {
  key: string;
  value: string;
  /** The table, dl or row element the pair came from. */
  container: Element;
  /** The direction of the previous pair in the same container, for keys like "Port" that do not name it. */
  context: Direction;
}

/** A stretch of the budgeted text and the text node it came from, so prose matches can point at an element. */
export interface TextSegment {
  start: number;
  node: Node;
}

/** Everything the detectors may look at, gathered once within the budget. Text fields are normalised. */
export interface PageFacts {
  /** The page's web address; empty for any other (a file:// path says where the page was saved, not what it is). */
  url: string;
  urlText: string;
  title: string;
  description: string;
  /** h1 (or the first heading when there is no h1). */
  mainHeading: string;
  /** Further headings, accordion summaries and role=heading elements, outside navigation and sidebars. */
  headings: string[];
  /** Main text within the budget, outside script/style/template and outside nav, footer and sidebars. */
  text: string;
  segments: TextSegment[];
  fields: LabelledField[];
  pairs: SettingPair[];
  /** A link or button that signs the user out. */
  signOut: boolean;
  /** The most rows of one table that each hold a different e-mail address (up to 10): a list of mailboxes or users. */
  addressRows: number;
  /** Open Graph / article meta of a news story. */
  newsMeta: boolean;
  textStats: { charsRead: number; nodesVisited: number; truncated: boolean; linkChars: number };
  /** Elements looked at for headings, tables, fields and meta tags, and whether the page had more. */
  elementStats: { visited: number; truncated: boolean };
}
