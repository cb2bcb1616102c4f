/**
 * Light or dark, from the page the hint sits on rather than from the reader's system setting: a dark note
 * on a white help page (or a white one on a dark webmail) looks like something that does not belong. Pure
 * apart from `pageTheme`, which reads the page's computed styles.
 */
export type HintTheme = 'light' | 'dark' | 'auto';

/** The channels and alpha of a computed colour ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)"), or null. */
export function parseColor(text: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/.exec(text.trim());
  if (!match) return text.trim() === 'transparent' ? [0, 0, 0, 0] : null;
  const alpha = match[4] === undefined ? 1 : Number(match[4]) / (match[5] === '%' ? 100 : 1);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

/** Below this the page reads as dark: mid grey (#777) is about 0.18, a dark theme's #333 about 0.03. */
const DARK_BELOW = 0.2;

/**
 * The theme for backgrounds read from the innermost out (body, then html). The first one that is mostly
 * opaque decides; with none, the canvas shows, which is white unless the page lets it follow the reader's
 * setting (`color-scheme: dark`), and then the hint follows that setting too.
 */
export function themeFor(backgrounds: string[], canvasMayBeDark: boolean): HintTheme {
  for (const background of backgrounds) {
    const color = parseColor(background);
    if (color === null || color[3] < 0.5) continue;
    return luminance(color) < DARK_BELOW ? 'dark' : 'light';
  }
  return canvasMayBeDark ? 'auto' : 'light';
}

export function pageTheme(doc: Document = document): HintTheme {
  const backgrounds = [doc.body, doc.documentElement].filter((element): element is HTMLElement => element !== null).map((element) => getComputedStyle(element).backgroundColor);
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  return themeFor(backgrounds, /\bdark\b/.test(scheme));
}
