import { describe, expect, it } from 'vitest';
import { applyTheme, followTheme, resolveTheme, systemLook, toChoice } from './theme';

/** A stand-in for the window's media queries, whose answers the test changes. */
function fakeSystem(initial: Record<string, boolean>) {
  const answers = { ...initial };
  const listeners = new Map<string, Set<() => void>>();
  return {
    set(query: string, on: boolean) {
      answers[query] = on;
      for (const l of listeners.get(query) ?? []) l();
    },
    matchMedia(query: string) {
      return {
        get matches() {
          return answers[query] ?? false;
        },
        addEventListener: (_: string, l: () => void) => listeners.set(query, (listeners.get(query) ?? new Set()).add(l)),
        removeEventListener: (_: string, l: () => void) => listeners.get(query)?.delete(l),
      } as unknown as MediaQueryList;
    },
  };
}

describe('theme choice', () => {
  it('follows the system by default: light, dark, and high contrast when the system asks for more', () => {
    expect(resolveTheme('system', { dark: false, moreContrast: false }), 'a light system gives the light theme').toBe('light');
    expect(resolveTheme('system', { dark: true, moreContrast: false }), 'a dark system gives the dark theme').toBe('dark');
    expect(resolveTheme('system', { dark: true, moreContrast: true }), 'asking for more contrast wins over dark').toBe('contrast');
  });

  it('keeps the chosen theme whatever the system says', () => {
    for (const look of [{ dark: false, moreContrast: false }, { dark: true, moreContrast: true }]) {
      expect(resolveTheme('light', look), 'light stays light').toBe('light');
      expect(resolveTheme('dark', look), 'dark stays dark').toBe('dark');
      expect(resolveTheme('contrast', look), 'high contrast stays').toBe('contrast');
    }
  });

  it('reads an unknown or missing stored choice as following the system', () => {
    expect(toChoice(null)).toBe('system');
    expect(toChoice('sepia'), 'a value from a newer Ballast is not a theme here').toBe('system');
    expect(toChoice('dark')).toBe('dark');
  });

  it('reads forced colours as a wish for high contrast', () => {
    const system = fakeSystem({ '(forced-colors: active)': true });
    expect(systemLook(system).moreContrast).toBe(true);
    expect(systemLook({}), 'where media queries are missing, light with normal contrast').toEqual({ dark: false, moreContrast: false });
  });

  it('changes the page when the system changes, until it stops following', () => {
    const system = fakeSystem({});
    const root = { dataset: {} as DOMStringMap };
    const original = globalThis.document;
    (globalThis as { document?: unknown }).document = { documentElement: root };
    try {
      const shown: string[] = [];
      const stop = followTheme(() => 'system', (t) => shown.push(t), system);
      expect(root.dataset.theme).toBe('light');
      system.set('(prefers-color-scheme: dark)', true);
      expect(root.dataset.theme, 'the system turned dark and the page followed').toBe('dark');
      expect(shown, 'each theme shown is told, so charts can be drawn in it').toEqual(['light', 'dark']);
      stop();
      system.set('(prefers-color-scheme: dark)', false);
      expect(root.dataset.theme, 'once stopped, a system change no longer reaches the page').toBe('dark');
    } finally {
      (globalThis as { document?: unknown }).document = original;
    }
  });

  it('sets the attribute tokens.css reads', () => {
    const root = { dataset: {} as DOMStringMap };
    applyTheme('contrast', root);
    expect(root.dataset.theme).toBe('contrast');
  });
});
