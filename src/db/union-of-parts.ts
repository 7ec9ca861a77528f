import { type Compilable, type RawBuilder, sql } from 'kysely';

/**
 * One query run for many sets of values, as a `union all` of its copies, built and compiled
 * once per shape instead of once per copy. The queue reads a type or a track over every
 * department in up to 96 parts (src/db/queue/read-queue.ts); built part by part, Kysely's
 * builders and compiler took ~2 ms a page for 60 parts, forty times the SQL's own time.
 *
 * `build` gets a part's values and writes the query with them as parameters (`where(column, '=',
 * value)`); it is called once per shape with stand-ins, and each copy's parameters are the
 * template's with the stand-ins replaced by that part's values. A value that changes the SQL
 * itself (a null, written `is null`) is a shape of its own: `shapeOf` names it.
 */
export function unionAllOf<Part>(
  parts: readonly Part[],
  valuesOf: (part: Part) => readonly unknown[],
  shapeOf: (part: Part) => string,
  build: (values: readonly unknown[], example: Part) => Compilable,
): RawBuilder<unknown> {
  if (parts.length === 0) throw new Error('A union of no parts.');
  const templates = new Map<
    string,
    { fragments: string[]; parameters: readonly unknown[]; slots: number[] }
  >();
  const templateOf = (part: Part) => {
    const shape = shapeOf(part);
    const known = templates.get(shape);
    if (known) return known;
    const standIns = valuesOf(part).map((_, slot) => `\u0000part value ${slot}\u0000`);
    const compiled = build(standIns, part).compile();
    const template = {
      // Both dialects number their placeholders in the order they appear (`?`, `$1`…).
      fragments: compiled.sql.split(/\?|\$\d+/),
      parameters: compiled.parameters,
      slots: compiled.parameters.map((parameter) => standIns.indexOf(parameter as string)),
    };
    if (template.fragments.length !== template.parameters.length + 1)
      throw new Error('A part query must not hold "?" or "$n" outside its placeholders.');
    templates.set(shape, template);
    return template;
  };
  // The union's text between its values (a tagged template's strings), and the values.
  const fragments = [''];
  const values: unknown[] = [];
  const write = (text: string) => {
    fragments[fragments.length - 1] += text;
  };
  parts.forEach((part, i) => {
    const {
      fragments: [head, ...tail],
      parameters,
      slots,
    } = templateOf(part);
    const own = valuesOf(part);
    write(`${i === 0 ? '' : ' union all '}select * from (${head}`);
    parameters.forEach((parameter, index) => {
      const slot = slots[index] ?? -1;
      values.push(slot >= 0 ? own[slot] : parameter);
      fragments.push(tail[index] as string);
    });
    write(`) as "part_${i}"`);
  });
  const strings = Object.assign([...fragments], { raw: [...fragments] }) as unknown as TemplateStringsArray;
  return sql(strings, ...values);
}
