import { InvalidInput } from '../core/errors.js';
import type { QueueSort } from '../core/requests/back-office.js';

/**
 * The queue's cursor: where the previous page ended, in the order it was read. Opaque to the
 * client (base64url of `sort|instant|number`).
 */

const badCursor = () =>
  new InvalidInput('El cursor no es válido.', [{ path: 'cursor', message: 'Cursor no válido.' }]);

/**
 * A cursor carries its sort, so one from another ordering is refused instead of skipping rows.
 * `at` is ISO-8601 UTC text, as the page gives it.
 */
export function encodeCursor(sort: QueueSort, at: string, number: string): string {
  return Buffer.from(`${sort}|${at}|${number}`).toString('base64url');
}

export function decodeCursor(cursor: string, sort: QueueSort): { at: string; number: string } {
  const [kind, at, number] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (kind !== sort || !at || !number || !/^\d{10}$/.test(number) || Number.isNaN(Date.parse(at)))
    throw badCursor();
  return { at: new Date(at).toISOString(), number };
}
