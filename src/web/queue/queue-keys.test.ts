import { describe, expect, it } from 'vitest';
import { movedIndex, queueKeyAction } from './queue-keys.js';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  queueKeyAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('queue keyboard', () => {
  it('maps the keys the queue is worked with', () => {
    expect(key('ArrowDown')).toBe('down');
    expect(key('ArrowUp')).toBe('up');
    expect(key('Enter')).toBe('open');
    expect(key('t')).toBe('take');
    expect(key('T')).toBe('take');
    expect(key(' ')).toBe('select');
    expect(key('Home')).toBe('first');
    expect(key('a')).toBeNull();
    // The browser's and the system's shortcuts are left alone.
    expect(key('t', { ctrlKey: true })).toBeNull();
    expect(key('ArrowDown', { altKey: true })).toBeNull();
  });

  it('moves within the list', () => {
    expect(movedIndex(-1, 'down', 3)).toBe(0);
    expect(movedIndex(0, 'down', 3)).toBe(1);
    expect(movedIndex(2, 'down', 3)).toBe(2);
    expect(movedIndex(0, 'up', 3)).toBe(0);
    expect(movedIndex(2, 'up', 3)).toBe(1);
    expect(movedIndex(1, 'last', 3)).toBe(2);
    expect(movedIndex(1, 'first', 3)).toBe(0);
    expect(movedIndex(0, 'down', 0)).toBe(-1);
  });
});
