/**
 * How people are found by what an agent types: case and accents do not matter ("juarez"
 * finds "Juárez"), nor do spaces or dashes in a phone number. The same function builds the
 * stored search key and the query, so both sides always agree.
 */
export function searchKey(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, ' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Control characters (U+0000–U+001F, U+007F–U+009F: Unicode's `Cc`) but tab, line feed and
 * carriage return. Text a person typed never holds them; pasted from elsewhere it can,
 * invisibly. PostgreSQL refuses U+0000 in any text (a filing on PostgreSQL failed with it), and
 * SQLite's full-text query syntax ends a phrase at it (the queue's search failed with it).
 */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/gu;
/** The same, to ask whether a text holds any (a global pattern keeps state between tests). */
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source, 'u');

/**
 * `input` with the control characters dropped from every string in it (plain objects and arrays
 * walked, anything else kept as it is): what a request's body, query and path carry before they
 * are validated (src/http/app.ts), so that no field of any route stores or searches them. Dropped
 * rather than refused: an agent cannot see them to take them out.
 */
export function withoutControlCharacters(input: unknown): unknown {
  // Almost no request holds one: those are passed on as they came, without a copy.
  return holdsControlCharacter(input) ? stripped(input) : input;
}

function holdsControlCharacter(input: unknown): boolean {
  if (typeof input === 'string') return HAS_CONTROL_CHARACTER.test(input);
  if (Array.isArray(input)) return input.some(holdsControlCharacter);
  if (isPlainObject(input)) return Object.values(input).some(holdsControlCharacter);
  return false;
}

function stripped(input: unknown): unknown {
  if (typeof input === 'string') return input.replace(CONTROL_CHARACTERS, '');
  if (Array.isArray(input)) return input.map(stripped);
  if (isPlainObject(input))
    return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, stripped(value)]));
  return input;
}

/**
 * An object parsed from JSON or a query string, not a stream or a file. A parsed query string
 * has no `Object` prototype: Fastify's parser makes it from a bare prototype of its own.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}
