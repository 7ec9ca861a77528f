/**
 * The queue's keyboard: ↑/↓ (or j/k) move between rows, Home/End jump, Enter opens the report,
 * T takes it, Space or X ticks it for a bulk assignment.
 */
export type QueueKeyAction = 'up' | 'down' | 'open' | 'take' | 'select' | 'first' | 'last';

export function queueKeyAction(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): QueueKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return 'down';
    case 'ArrowUp':
    case 'k':
      return 'up';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'open';
    case 't':
    case 'T':
      return 'take';
    case ' ':
    case 'x':
    case 'X':
      return 'select';
    default:
      return null;
  }
}

/** The row to move to; stays inside the list, and starts at the top when nothing is active. */
export function movedIndex(current: number, action: QueueKeyAction, length: number): number {
  if (length === 0) return -1;
  switch (action) {
    case 'down':
      return current < 0 ? 0 : Math.min(current + 1, length - 1);
    case 'up':
      return current < 0 ? 0 : Math.max(current - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return length - 1;
    default:
      return current;
  }
}
