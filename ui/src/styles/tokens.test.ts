// Every theme in tokens.css meets WCAG AA: text colours 4.5:1 on the page and on a surface,
// borders, focus rings and the nav's colours 3:1 or more. Read from the file itself, so a changed
// colour is checked as it ships.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The colour tokens of one theme's block. */
function theme(name: string): Record<string, string> {
  const block = new RegExp(`:root\\[data-theme='${name}'\\]\\s*\\{([^}]*)\\}`).exec(css);
  if (!block?.[1]) throw new Error(`tokens.css has no block for the ${name} theme`);
  const out: Record<string, string> = {};
  for (const [, k, v] of block[1].matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)) if (k && v) out[k] = v;
  return out;
}

function luminance(hex: string): number {
  const ch = (i: number) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const TEXT = ['text', 'muted', 'primary', 'error', 'note', 'setback'];
const GRAPHIC = ['border', 'focus', 'primary'];

describe.each(['light', 'dark', 'contrast'])('the %s theme', (name) => {
  const t = theme(name);
  const c = (k: string): string => {
    const v = t[k];
    if (!v) throw new Error(`--${k} is missing from the ${name} theme`);
    return v;
  };

  it('names every colour the app uses', () => {
    for (const k of [...TEXT, 'bg', 'surface', 'surface-alt', 'primary-text', 'border', 'focus', 'error-bg', 'note-bg', 'nav-bg', 'nav-text', 'nav-current-bg', 'nav-current-text', 'nav-focus']) {
      expect(t[k], `--${k} is set in the ${name} theme, so nothing falls back to another theme's colour`).toMatch(/^#/);
    }
  });

  it('gives text 4.5:1 on the page, on a surface and on the alternate surface', () => {
    for (const bg of ['bg', 'surface', 'surface-alt']) {
      for (const fg of TEXT) {
        expect(contrast(c(fg), c(bg)), `--${fg} on --${bg} is readable (WCAG AA text)`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(c('primary-text'), c('primary')), 'a primary button\'s words on its colour').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c('error'), c('error-bg')), 'an error on its own background').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c('note'), c('note-bg')), 'a notice on its own background').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c('text'), c('note-bg')), 'a search match (text on the note colour)').toBeGreaterThanOrEqual(4.5);
  });

  it('gives borders and the focus ring 3:1, so fields and focus can be seen', () => {
    for (const bg of ['bg', 'surface']) {
      for (const fg of GRAPHIC) {
        expect(contrast(c(fg), c(bg)), `--${fg} on --${bg} (WCAG AA non-text)`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps the navigation readable, its current page marked, and its focus visible', () => {
    expect(contrast(c('nav-text'), c('nav-bg')), 'nav links on the nav bar').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c('nav-current-text'), c('nav-current-bg')), 'the current page in the nav').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c('nav-focus'), c('nav-bg')), 'the focus ring on the nav bar').toBeGreaterThanOrEqual(3);
    expect(contrast(c('nav-current-bg'), c('nav-bg')), 'the current page stands out from the bar').toBeGreaterThanOrEqual(3);
  });
});
