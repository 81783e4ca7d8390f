// The keyboard shortcuts: N a new reflection, S a setback, / (or Ctrl+F) search, L lock, ? the
// list of shortcuts, and Ctrl/Cmd+Enter to save the form the cursor is in. None of the letters
// fires while the worker is typing in a field or a dialog is open, and none that would leave the
// page fires while something is being written.

export type Action = 'new-reflection' | 'new-setback' | 'search' | 'lock' | 'help' | 'save';

/** What the shortcuts need of a key press. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean };

/** Where the key was pressed. */
export type Context = {
  /** The journal is open. */
  open: boolean;
  /** Focus is in a text field, a choice or a list (the key belongs to it). */
  inField: boolean;
  /** Focus is inside a form. */
  inForm: boolean;
  /** A dialog (Support, a confirmation, the shortcut list) is open. */
  dialogOpen: boolean;
  /** The screen holds something being written or answered. */
  writing: boolean;
};

/** The list shown by `?`, in the words the app shows. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'N', does: 'Write a new reflection' },
  { keys: 'S', does: 'Log a setback' },
  { keys: '/ or Ctrl+F', does: 'Search your journal' },
  { keys: 'L', does: 'Lock Ballast' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Ctrl+Enter (⌘+Enter on a Mac)', does: 'Save the form you are in' },
  { keys: 'Delete', does: 'Clear the answer you are on' },
  { keys: 'Escape', does: 'Close a dialog, or go back from an entry' },
];

/** The action a key press asks for here, if any. */
export function actionFor(e: KeyPress, at: Context): Action | null {
  if (!at.open) return null;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) return at.inForm ? 'save' : null;
  if (at.dialogOpen || at.inField || e.altKey || e.metaKey) return null;
  if (e.ctrlKey) return e.key.toLowerCase() === 'f' && !at.writing ? 'search' : null;
  switch (e.key) {
    case 'n':
    case 'N':
      return at.writing ? null : 'new-reflection';
    case 's':
    case 'S':
      return at.writing ? null : 'new-setback';
    case '/':
      return at.writing ? null : 'search';
    case 'l':
    case 'L':
      return 'lock';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Whether `target` takes typed keys itself (a text field, a choice, a list, editable text). */
export function takesKeys(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
