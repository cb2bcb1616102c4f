import { describe, expect, it } from 'vitest';
import { agree, canvasTheme, luminance, shadeOf, themeAt } from '../../src/extension/content/page-theme';

const plain = (background: string) => ({ background, image: 'none' });
const clear = plain('rgba(0, 0, 0, 0)');

describe("the hint takes the page's light or dark", () => {
  it('reads computed colours in the syntaxes browsers give', () => {
    expect(shadeOf('rgb(18, 20, 23)')).toEqual({ dark: true, alpha: 1 });
    expect(shadeOf('rgba(255, 255, 255, 0.25)')).toEqual({ dark: false, alpha: 0.25 });
    expect(shadeOf('rgb(18 20 23 / 50%)')).toEqual({ dark: true, alpha: 0.5 });
    expect(shadeOf('transparent')).toEqual({ dark: false, alpha: 0 });
    // Tailwind 4 and others compute to oklch(); CSS Color 4 pages to lab() or color(srgb …).
    expect(shadeOf('oklch(0.21 0.006 285.885)')).toEqual({ dark: true, alpha: 1 });
    expect(shadeOf('oklch(0.985 0 0)')).toEqual({ dark: false, alpha: 1 });
    expect(shadeOf('lab(12 1 -3 / 0.9)')).toEqual({ dark: true, alpha: 0.9 });
    expect(shadeOf('color(srgb 0.96 0.96 0.97)')).toEqual({ dark: false, alpha: 1 });
    expect(shadeOf('color(display-p3 0 0 0)')).toBeNull();
    expect(shadeOf('hsl(0 0% 0%)')).toBeNull();
  });

  it('measures luminance as WCAG does', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 5);
    expect(luminance([0x77, 0x77, 0x77])).toBeCloseTo(0.184, 2);
  });

  it('the topmost opaque colour at a point decides, whether it is a wrapper, the body or the root', () => {
    // A dark full-page wrapper over a transparent body.
    expect(themeAt([clear, plain('rgb(18, 20, 23)'), clear, clear], 'light')).toBe('dark');
    expect(themeAt([plain('rgb(245, 246, 247)'), plain('rgb(0, 0, 0)')], 'dark')).toBe('light');
    // A nearly transparent layer lets the one below decide.
    expect(themeAt([plain('rgba(0, 0, 0, 0.1)'), plain('rgb(30, 30, 30)')], 'light')).toBe('dark');
  });

  it('a picture, a gradient or an unreadable colour leaves it to the reader', () => {
    expect(themeAt([{ background: 'rgba(0, 0, 0, 0)', image: 'linear-gradient(rgb(0, 0, 0), rgb(20, 20, 20))' }, plain('rgb(255, 255, 255)')], 'light')).toBe('auto');
    expect(themeAt([plain('color(display-p3 0 0 0)')], 'light')).toBe('auto');
  });

  it('with nothing painted the canvas shows: white, dark for a dark-only page, the reader for a page offering both', () => {
    expect(themeAt([clear, clear], canvasTheme('normal'))).toBe('light');
    expect(canvasTheme('dark')).toBe('dark');
    expect(canvasTheme('light dark')).toBe('auto');
    expect(canvasTheme('only light')).toBe('light');
  });

  it('points that disagree leave it to the reader', () => {
    expect(agree(['dark', 'dark'])).toBe('dark');
    expect(agree(['dark', 'light'])).toBe('auto');
    expect(agree([])).toBe('auto');
  });
});
