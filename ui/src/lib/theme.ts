// Which of Ballast's three themes shows: the worker's choice in Settings, or, until they choose
// (and by default), the system's: dark when the system prefers dark, high contrast when it asks
// for more contrast or forces its colours. Applied as <html data-theme>, which tokens.css reads.

import type { ThemeChoice } from '../ipc';

export type Theme = Exclude<ThemeChoice, 'system'>;
export type { ThemeChoice };
/** What the system asks for, read from its media queries. */
export type SystemLook = { dark: boolean; moreContrast: boolean };

export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'As my computer is set' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
];

/** A stored choice, read back; anything Ballast does not know means "as the system is". */
export function toChoice(stored: string | null | undefined): ThemeChoice {
  return stored === 'light' || stored === 'dark' || stored === 'contrast' ? stored : 'system';
}

/** The theme to show for `choice` on a system that asks for `look`. */
export function resolveTheme(choice: ThemeChoice, look: SystemLook): Theme {
  if (choice !== 'system') return choice;
  if (look.moreContrast) return 'contrast';
  return look.dark ? 'dark' : 'light';
}

type MediaSource = { matchMedia?: (query: string) => MediaQueryList };

const DARK = '(prefers-color-scheme: dark)';
const MORE = '(prefers-contrast: more)';
const FORCED = '(forced-colors: active)';
const QUERIES = [DARK, MORE, FORCED];

/** What the system asks for now (light, normal contrast where it cannot say). */
export function systemLook(source: MediaSource = globalThis): SystemLook {
  const matches = (q: string) => source.matchMedia?.(q).matches ?? false;
  return { dark: matches(DARK), moreContrast: matches(MORE) || matches(FORCED) };
}

/** Shows `theme`: tokens.css picks its colours from the attribute. */
export function applyTheme(theme: Theme, root: { dataset: DOMStringMap } = document.documentElement) {
  root.dataset.theme = theme;
}

/** Keeps the page in the theme `choice()` resolves to, now and whenever the system's look
 * changes, and tells `shown` each theme it shows (the charts drawn in Rust take its colours).
 * Returns a function that stops following. */
export function followTheme(choice: () => ThemeChoice, shown: (theme: Theme) => void = () => {}, source: MediaSource = globalThis): () => void {
  const update = () => {
    const theme = resolveTheme(choice(), systemLook(source));
    applyTheme(theme);
    shown(theme);
  };
  update();
  const lists = QUERIES.map((q) => source.matchMedia?.(q)).filter((l): l is MediaQueryList => !!l);
  for (const l of lists) l.addEventListener('change', update);
  return () => {
    for (const l of lists) l.removeEventListener('change', update);
  };
}
