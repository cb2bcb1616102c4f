/**
 * Where the hint goes, from measured boxes only, so the geometry is unit-tested without a browser.
 * The floating hint of a help article sits in the margin beside the article's text column: as a
 * one-line bar when the margin is wide enough, as a round button when only that fits, and as a narrow
 * tab flush with the window's edge when the text runs almost to the edge.
 */

export interface Span {
  left: number;
  right: number;
}

export type Shape = 'bar' | 'pill' | 'tab';

export interface Placement {
  shape: Shape;
  side: 'left' | 'right';
  /** Distance from the window's edge on that side, in CSS pixels. */
  inset: number;
  /** Width of the expanded panel; it stays inside the margin when the margin is wide enough. */
  panelWidth: number;
}

/** Space kept between the hint and the text, and the window's edge. */
export const GAP = 12;
/** The one-line bar may come a little closer to the text than the open panel. */
export const BAR_GAP = 8;
export const PILL = 40;
export const TAB = 20;
export const PANEL_MIN = 240;
export const PANEL_MAX = 340;

/**
 * `column` is the text column's horizontal extent in viewport coordinates (null when the page has
 * none); `barWidth` the one-line bar's natural width.
 */
export function placeFloating(viewportWidth: number, column: Span | null, barWidth: number): Placement {
  const right = column ? Math.max(0, viewportWidth - column.right) : viewportWidth;
  const left = column ? Math.max(0, column.left) : 0;
  const side = left > right ? 'left' : 'right';
  const margin = Math.max(left, right);
  const roomy = margin - 2 * GAP;
  const panelWidth = roomy >= PANEL_MIN ? Math.min(PANEL_MAX, roomy) : Math.min(PANEL_MAX, viewportWidth - 2 * GAP);
  if (margin - 2 * BAR_GAP >= barWidth) return { shape: 'bar', side, inset: BAR_GAP, panelWidth };
  if (margin >= PILL + 8) return { shape: 'pill', side, inset: Math.floor((margin - PILL) / 2), panelWidth };
  return { shape: 'tab', side, inset: 0, panelWidth };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface BesidePlacement {
  shape: Shape;
  /** Document coordinates of the hint's top-left corner. */
  left: number;
  top: number;
  panelWidth: number;
  /** Where the expanded panel starts: beside the anchor, moved left only as far as the window needs. */
  panelLeft: number;
  /** Its top: level with the anchor beside it, or below the form (or the settings) when it would cover them beside. */
  panelTop: number;
}

/** What the open panel must leave readable: the page's outgoing settings, and the window's height. */
export interface Around {
  /** The box around every element that shows an outgoing setting (fields, tables), document coordinates. */
  settings: Box;
  /** The form those settings stand in (its login fields, Save and Cancel), when they stand in one. */
  form?: Box;
  /**
   * The block round that form the note should not cover either: the dialog holding it, whose Save and
   * Cancel often stand outside the form element; for settings in no form, the table they stand in.
   */
  outer?: Box;
  viewportHeight: number;
}

/**
 * The account-page hint beside the element it is about, as an overlay: it takes no space in the page,
 * so nothing moves when it appears. `anchor` and `obstacles` are in document coordinates; obstacles are
 * the controls around the anchor, which it must not cover: those on its row (a security menu right of the
 * port field), and, where the bar is taller than the row (`barHeight`), those on the rows it reaches below
 * that run further right than the anchor (a wider user-name field under the port in a form whose fields
 * do not line up); the open panel, as tall as `panelHeight`, clears the rows it reaches too.
 * Where the open panel has no room past those rows (a narrow window, a wide form), it opens below the
 * outgoing settings' form or the dialog round it (`around`) rather than over them, so the reader sees the
 * note and the rows it speaks of at once; with no form that fits there, beside the bar where the window has
 * room for it, else below the settings, or below the anchor itself when they run taller than most of the
 * window.
 */
export function placeBeside(
  viewportWidth: number,
  scrollX: number,
  anchor: Box,
  obstacles: Box[],
  barWidth: number,
  around?: Around,
  barHeight = 0,
  panelHeight = 0,
): BesidePlacement {
  // How far right the obstacles in a band as tall as `height` below the anchor's top push a box level with it.
  const clear = (height: number): number => {
    let right = anchor.right;
    const bottom = Math.max(anchor.bottom, anchor.top + height);
    for (const box of obstacles) {
      const onRow = box.top < anchor.bottom && box.bottom > anchor.top;
      const inBand = box.top < bottom && box.bottom > anchor.top;
      if ((onRow && box.left >= anchor.right - 1) || (inBand && box.right > anchor.right + 1)) right = Math.max(right, box.right);
    }
    return right;
  };
  const start = clear(barHeight);
  const edge = scrollX + viewportWidth - GAP;
  const room = edge - (start + GAP);
  // The open panel, once its height is known, also clears the rows it reaches. Where the window leaves no room
  // for it past them (or, before its height is known, past the bar's band), it opens below the form instead;
  // where there is no form that fits below, beside the bar if the window has room there (below the settings
  // alone it would lie over the same rows, further from the anchor), else below the settings.
  const panelStart = clear(Math.max(barHeight, panelHeight));
  const panelRoom = edge - (panelStart + GAP);
  let place: PanelPlace;
  if (panelRoom >= PANEL_MIN) place = panelBeside(viewportWidth, scrollX, panelStart, panelRoom, edge, anchor.top);
  else {
    const below = panelBelow(viewportWidth, scrollX, edge, anchor, around);
    place = !below.clearsForm && room >= PANEL_MIN ? panelBeside(viewportWidth, scrollX, start, room, edge, anchor.top) : below.place;
  }
  if (room >= barWidth) return { shape: 'bar', left: start + GAP, top: anchor.top, ...place };
  if (room >= PILL) return { shape: 'pill', left: start + GAP, top: anchor.top, ...place };
  // No room on the row: a tab at the window's edge, level with the anchor.
  return { shape: 'tab', left: scrollX + viewportWidth - TAB, top: anchor.top, ...place };
}

type PanelPlace = Pick<BesidePlacement, 'panelWidth' | 'panelLeft' | 'panelTop'>;

/** The open panel in the room beside the anchor, level with it, inside the window. */
function panelBeside(viewportWidth: number, scrollX: number, start: number, room: number, edge: number, top: number): PanelPlace {
  const panelWidth = Math.min(PANEL_MAX, room, viewportWidth - 2 * GAP);
  return { panelWidth, panelLeft: Math.max(scrollX + GAP, Math.min(start + GAP, edge - panelWidth)), panelTop: top };
}

/**
 * Beside, the panel would lie over the settings or the rows below them: below instead, as wide as the
 * window allows. Below the dialog round their form (or, for settings in no form, the table they stand in)
 * where that fits in most of the window, else below the form (the note then covers none of its fields and
 * buttons), else below the settings, else below the anchor; `clearsForm` says whether it went below a
 * form or the block round it. It starts level with the anchor where the window allows, so it opens near the
 * field it speaks of.
 */
function panelBelow(viewportWidth: number, scrollX: number, edge: number, anchor: Box, around: Around | undefined): { place: PanelPlace; clearsForm: boolean } {
  const fits = (box: Box) => around !== undefined && box.bottom - anchor.top <= around.viewportHeight * 0.6;
  const settings = around ? union(around.settings, anchor) : anchor;
  const blocks = [around?.outer, around?.form].filter((box): box is Box => box !== undefined).map((box) => union(box, settings));
  const block = blocks.find(fits);
  const below = block ?? (fits(settings) ? settings : anchor);
  const panelWidth = Math.min(PANEL_MAX, viewportWidth - 2 * GAP);
  const panelLeft = Math.max(scrollX + GAP, Math.min(Math.max(below.left, anchor.left), edge - panelWidth));
  return { place: { panelWidth, panelLeft, panelTop: below.bottom + GAP }, clearsForm: block !== undefined };
}

export function union(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}
