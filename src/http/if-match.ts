import { InvalidInput } from '../core/errors.js';

/** `If-Match: 3` or `If-Match: "3"`: the report version the client saw. */
export function expectedVersionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new InvalidInput('If-Match debe ser la versión del reporte, p. ej. "3".', [
      { path: 'If-Match', message: 'Valor no válido.' },
    ]);
  }
  return Number(match[1]);
}
