/**
 * Light or dark, from the page the hint sits on rather than from the reader's system setting alone: a dark
 * note on a white help page (or a white one on a dark webmail) looks like something that does not belong.
 * The page is asked only where it can be read with confidence (a plain background colour at the points
 * looked at); a picture, a gradient or a colour this cannot read leaves the choice to the reader's
 * setting, as before. Pure apart from `pageTheme`, which reads the page's computed styles.
 */
export type HintTheme = 'light' | 'dark' | 'auto';

export interface Layer {
  /** Computed `background-color`. */
  background: string;
  /** Computed `background-image` ("none" when there is none). */
  image: string;
}

/** Below this WCAG luminance an sRGB background reads as dark: mid grey (#777) is about 0.18. */
const DARK_LUMINANCE = 0.2;
/** The same boundary in OKLab lightness (0–1) and CIELAB lightness (0–100). */
const DARK_OK_LIGHTNESS = 0.6;
const DARK_LAB_LIGHTNESS = 52;

/** WCAG 2 relative luminance of an sRGB colour given as 0–255 channels, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

function number(text: string | undefined, percentOf: number): number {
  if (text === undefined) return Number.NaN;
  return text.endsWith('%') ? (Number(text.slice(0, -1)) / 100) * percentOf : Number(text);
}

/**
 * Whether a computed colour is dark, and how opaque it is: rgb()/rgba() in either syntax, color(srgb …),
 * oklch()/oklab() and lab()/lch() (by their lightness), `transparent`. Null for anything else.
 */
export function shadeOf(color: string): { dark: boolean; alpha: number } | null {
  const text = color.trim().toLowerCase();
  if (text === 'transparent') return { dark: false, alpha: 0 };
  const match = /^(rgba?|oklch|oklab|lab|lch|color)\(\s*(srgb\s+)?([^)]*)\)$/.exec(text);
  if (!match) return null;
  const [body, alphaText] = match[3]!.split('/').map((part) => part.trim());
  const parts = body!.split(/[\s,]+/).filter(Boolean);
  const kind = match[1]!;
  // The legacy comma syntax puts alpha fourth.
  const alpha = alphaText !== undefined ? number(alphaText, 1) : parts.length === 4 ? number(parts[3], 1) : 1;
  if ((kind === 'color' && !match[2]) || parts.length < 3 || Number.isNaN(alpha) || parts.slice(0, 3).some((part) => Number.isNaN(number(part, 1)))) return null;
  if (kind === 'rgb' || kind === 'rgba') return { dark: luminance(parts.slice(0, 3).map((part) => number(part, 255))) < DARK_LUMINANCE, alpha };
  if (kind === 'color') return { dark: luminance(parts.slice(0, 3).map((part) => number(part, 1) * 255)) < DARK_LUMINANCE, alpha };
  if (kind === 'oklch' || kind === 'oklab') return { dark: number(parts[0], 1) < DARK_OK_LIGHTNESS, alpha };
  return { dark: number(parts[0], 100) < DARK_LAB_LIGHTNESS, alpha };
}

/**
 * The theme for the layers at one point, topmost first: the first mostly opaque plain colour decides; a
 * picture or gradient, or a colour that cannot be read, leaves it to the reader ('auto'). With nothing
 * painted the canvas shows (`canvas`).
 */
export function themeAt(layers: Layer[], canvas: HintTheme): HintTheme {
  for (const layer of layers) {
    if (layer.image !== 'none' && layer.image !== '') return 'auto';
    const shade = shadeOf(layer.background);
    if (shade === null) return 'auto';
    if (shade.alpha >= 0.5) return shade.dark ? 'dark' : 'light';
  }
  return canvas;
}

/** The canvas behind an unpainted page: white, dark when the page asks for dark only, the reader's choice when it offers both. */
export function canvasTheme(colorScheme: string): HintTheme {
  const schemes = colorScheme.toLowerCase().split(/\s+/);
  if (schemes.includes('dark')) return schemes.includes('light') ? 'auto' : 'dark';
  return 'light';
}

/** Several points agreeing decide; points that disagree leave it to the reader. */
export function agree(themes: HintTheme[]): HintTheme {
  const first = themes[0] ?? 'auto';
  return themes.every((theme) => theme === first) ? first : 'auto';
}

/**
 * The page's light or dark at the window's centre and at `near` (where the hint is), leaving out
 * `skip` (the hint itself). The canvas is painted with the root's background, or with the body's when the
 * root has none (CSS 2 §14.2: the body's then spreads over the whole canvas, beyond the body's own box).
 */
export function pageTheme(near: { x: number; y: number } | null, skip: Element | null = null, doc: Document = document): HintTheme {
  const view = doc.defaultView;
  if (!view || typeof doc.elementsFromPoint !== 'function') return 'auto';
  const layerOf = (element: Element): Layer => {
    const style = view.getComputedStyle(element);
    return { background: style.backgroundColor, image: style.backgroundImage };
  };
  const root = doc.documentElement;
  const rootLayer = layerOf(root);
  const rootPaints = rootLayer.image !== 'none' || (shadeOf(rootLayer.background)?.alpha ?? 1) > 0;
  const canvasElement = rootPaints || !doc.body ? root : doc.body;
  const canvas = themeAt([layerOf(canvasElement)], canvasTheme(view.getComputedStyle(root).colorScheme || 'normal'));
  const width = root.clientWidth || view.innerWidth;
  const height = root.clientHeight || view.innerHeight;
  const points = [{ x: width / 2, y: height / 2 }, ...(near ? [near] : [])].filter((point) => point.x >= 0 && point.y >= 0 && point.x < width && point.y < height);
  return agree(
    points.map((point) =>
      themeAt(
        doc
          .elementsFromPoint(point.x, point.y)
          .filter((element) => element !== skip && !skip?.contains(element) && element !== root && element !== canvasElement)
          .map(layerOf),
        canvas,
      ),
    ),
  );
}
