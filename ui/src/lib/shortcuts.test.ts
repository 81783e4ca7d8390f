import { describe, expect, it } from 'vitest';
import { actionFor, takesKeys, type Context, type KeyPress } from './shortcuts';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const home: Context = { open: true, inField: false, inForm: false, dialogOpen: false, writing: false };

describe('shortcuts', () => {
  it('maps N, S, /, L and ? to their actions on a screen being read', () => {
    expect(actionFor(key('n'), home)).toBe('new-reflection');
    expect(actionFor(key('N'), home), 'with Caps Lock on too').toBe('new-reflection');
    expect(actionFor(key('s'), home)).toBe('new-setback');
    expect(actionFor(key('/'), home)).toBe('search');
    expect(actionFor(key('f', { ctrlKey: true }), home)).toBe('search');
    expect(actionFor(key('l'), home)).toBe('lock');
    expect(actionFor(key('?', { shiftKey: true }), home)).toBe('help');
    expect(actionFor(key('x'), home), 'other letters do nothing').toBeNull();
  });

  it('never fires while typing in a field: the key belongs to what is being typed', () => {
    const typing = { ...home, inField: true, inForm: true };
    for (const k of ['n', 's', '/', 'l', '?']) expect(actionFor(key(k), typing), `${k} in a field is typed, not a shortcut`).toBeNull();
    expect(actionFor(key('f', { ctrlKey: true }), typing), 'Ctrl+F in a field stays with the field').toBeNull();
  });

  it('saves with Ctrl+Enter or Cmd+Enter from anywhere in a form, and only in one', () => {
    const inForm = { ...home, inField: true, inForm: true, writing: true };
    expect(actionFor(key('Enter', { ctrlKey: true }), inForm)).toBe('save');
    expect(actionFor(key('Enter', { metaKey: true }), inForm), 'Cmd+Enter on a Mac').toBe('save');
    expect(actionFor(key('Enter', { ctrlKey: true }), home), 'outside a form there is nothing to save').toBeNull();
    expect(actionFor(key('Enter'), inForm), 'plain Enter is left to the field (a new line in text)').toBeNull();
  });

  it('keeps a form being written on the page: N, S and / do not leave it, L and ? still work', () => {
    const writing = { ...home, writing: true };
    expect(actionFor(key('n'), writing)).toBeNull();
    expect(actionFor(key('s'), writing)).toBeNull();
    expect(actionFor(key('/'), writing)).toBeNull();
    expect(actionFor(key('f', { ctrlKey: true }), writing)).toBeNull();
    expect(actionFor(key('l'), writing), 'locking keeps the draft, so it is always allowed').toBe('lock');
    expect(actionFor(key('?'), writing)).toBe('help');
  });

  it('does nothing while the journal is locked or a dialog is open', () => {
    for (const k of ['n', 's', '/', 'l', '?']) {
      expect(actionFor(key(k), { ...home, open: false }), `${k} on the lock screen`).toBeNull();
      expect(actionFor(key(k), { ...home, dialogOpen: true }), `${k} with a dialog open`).toBeNull();
    }
  });

  it('leaves the browser and system chords alone', () => {
    expect(actionFor(key('n', { altKey: true }), home)).toBeNull();
    expect(actionFor(key('l', { metaKey: true }), home)).toBeNull();
    expect(actionFor(key('n', { ctrlKey: true }), home)).toBeNull();
  });

  it('knows which elements take typed keys', () => {
    expect(takesKeys({ tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(takesKeys({ tagName: 'SELECT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(takesKeys({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(takesKeys({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget), 'a button does not').toBe(false);
    expect(takesKeys(null)).toBe(false);
  });
});
