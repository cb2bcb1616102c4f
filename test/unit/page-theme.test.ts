import { describe, expect, it } from 'vitest';
import { luminance, parseColor, themeFor } from '../../src/extension/content/page-theme';

describe("the hint takes the page's light or dark", () => {
  it('reads computed colours in both syntaxes', () => {
    expect(parseColor('rgb(18, 20, 23)')).toEqual([18, 20, 23, 1]);
    expect(parseColor('rgba(255, 255, 255, 0.25)')).toEqual([255, 255, 255, 0.25]);
    expect(parseColor('rgb(18 20 23 / 50%)')).toEqual([18, 20, 23, 0.5]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('color(srgb 1 0 0)')).toBeNull();
  });

  it('measures luminance as WCAG does', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 5);
    expect(luminance([0x77, 0x77, 0x77])).toBeCloseTo(0.184, 2);
  });

  it('a dark body makes a dark hint, a light one a light hint, whatever the html behind it', () => {
    expect(themeFor(['rgb(18, 20, 23)', 'rgb(255, 255, 255)'], false)).toBe('dark');
    expect(themeFor(['rgb(245, 246, 247)', 'rgb(0, 0, 0)'], true)).toBe('light');
    // A nearly transparent body lets the html decide.
    expect(themeFor(['rgba(0, 0, 0, 0.1)', 'rgb(30, 30, 30)'], false)).toBe('dark');
  });

  it('with nothing painted the canvas shows: white, unless the page lets it follow the reader', () => {
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], false)).toBe('light');
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], true)).toBe('auto');
  });
});
