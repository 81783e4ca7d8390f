import { describe, expect, it } from 'vitest';
import { focusFirstField, isOpen, isWriting, placeOf, PLACES, type Screen } from './router';

const reflection: Screen = { name: 'reflection', entryId: null, initial: null, notice: '' };

describe('router', () => {
  it('knows which screens show the journal, and which show nothing of it', () => {
    for (const name of ['loading', 'setup', 'unlock', 'recovery'] as const) {
      expect(isOpen(name === 'setup' ? { name, dataDir: '/x' } : ({ name } as Screen)), `${name} is shown with the journal closed`).toBe(false);
    }
    expect(isOpen({ name: 'journal' })).toBe(true);
    expect(isOpen(reflection)).toBe(true);
  });

  it('starts the cursor in the first field of a form, and on the heading elsewhere', () => {
    expect(focusFirstField({ name: 'unlock' }), 'the passphrase on unlock').toBe(true);
    expect(focusFirstField(reflection), 'the first question of a reflection').toBe(true);
    expect(focusFirstField({ name: 'home' }), 'Home starts in the quick reflection, ready to type').toBe(true);
    expect(focusFirstField({ name: 'journal' }), 'a list starts on its heading').toBe(false);
    expect(focusFirstField({ name: 'settings' }), 'Settings holds several forms: its heading first').toBe(false);
  });

  it('treats forms being written as writing, so shortcuts that leave them stay away', () => {
    expect(isWriting(reflection)).toBe(true);
    expect(isWriting({ name: 'journal' })).toBe(false);
  });

  it('marks the place each screen belongs to in the navigation', () => {
    expect(placeOf({ name: 'backups' }), 'Backups sit inside Settings').toBe('settings');
    expect(placeOf({ name: 'data' }), 'Your data sits inside Settings').toBe('settings');
    expect(placeOf({ name: 'templates' })).toBe('settings');
    expect(placeOf({ name: 'person', code: 'R7' })).toBe('people');
    expect(placeOf({ name: 'checkin-history', instrument: 'who5', title: 'WHO-5' })).toBe('checkins');
    expect(placeOf({ name: 'entry', id: 3, back: { name: 'search' } }), 'an entry belongs where it was opened from').toBe('search');
    expect(placeOf({ name: 'entry', id: 3, back: { name: 'home' } }), 'an entry opened from Home belongs to Home').toBe('home');
    expect(PLACES[0]?.id, 'Home comes first in the navigation').toBe('home');
    expect(placeOf({ name: 'unlock' }), 'the lock screen has no navigation').toBeNull();
    for (const p of PLACES) expect(placeOf({ name: p.id } as Screen), `${p.label} is its own place`).toBe(p.id);
  });
});
