// fast-check arbitraries for hostile JSON request bodies, produced as exact JSON text: objects are kept as
// entry lists so that keys such as "__proto__" reach the server as written (an object literal would eat them).
import fc from 'fast-check';

/** An object as an ordered entry list; a repeated key is sent twice (JSON.parse keeps the last). */
export class JsonObject {
  constructor(readonly entries: Array<[string, JsonValue]>) {}
}

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject | RawJson;

/** Pre-serialised JSON text (deep nesting, bodies of hundreds of KB) spliced in as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJsonText(value: JsonValue): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) return `{${value.entries.map(([key, entry]) => `${JSON.stringify(key)}:${toJsonText(entry)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** A short description of a body for failure messages (bodies may be 300 KB). */
export function describeBody(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 200)}… (${text.length} chars) …${text.slice(-60)}`;
}

export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'customer_id', 'request_id', 'processing_status', 'reviewed', 'version', 'company_name_embedding', 'created_date', '', ' ', 'company_name ', 'COMPANY_NAME', '$where', 'a.b', '0'];

const SQL_LIKE = [
  "Robert'); DROP TABLE customers;--",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  "x' UNION SELECT key_hash FROM api_keys--",
  '%', '_', '\\', '%_%\\', "''", '";', '$1', '::text', '/*', '*/',
  '<script>alert(1)</script>',
  '{{7*7}}', '${process.env}', '../../../etc/passwd',
];

const WEIRD_TEXT = ['\u202Eevil\u202C', 'e\u0301\u0301\u0301', '🏳️‍🌈👨‍👩‍👧‍👦', '\uFEFFbom', 'ǅ', 'ß', 'İstanbul', '\t\n\r', ' ', '\u00A0', 'null', 'undefined', 'NaN', '-0', '1e309', 'true', '[]', '{}'];


export const hostileText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...SQL_LIKE, ...WEIRD_TEXT) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 6000 }).map((length) => 'ü'.repeat(length)) },
    { weight: 1, arbitrary: fc.constantFrom(262_000, 262_145, 300 * 1024).map((length) => 'A'.repeat(length)) },
  );

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -0.5, 1e15, 1e16, 9007199254740993, 1e308, -1e308, 2 ** 31, 2 ** 63) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Nesting of `depth` arrays or objects around a value, as raw text (thousands of levels). */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.boolean())
  .map(([depth, asObjects]) => new RawJson(asObjects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`));

export function hostileKey(fields: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) });
}

/** Any JSON value, nested a little, with keys drawn from the route's own fields and the hostile list. */
export function hostileValue(fields: readonly string[]): fc.Arbitrary<JsonValue> {
  const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 6, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey(fields), tie('value')), { maxLength: 4 }).map((entries) => new JsonObject(entries)) },
      { weight: 1, arbitrary: deepNesting },
    ),
  }));
  return value;
}

/** An object over the route's fields (and hostile keys) whose values are anything. */
export function hostileObject(fields: readonly string[]): fc.Arbitrary<JsonObject> {
  return fc.array(fc.tuple(hostileKey(fields), hostileValue(fields)), { maxLength: 8 }).map((entries) => new JsonObject(entries));
}

/** A plausible body with a few entries overridden by hostile ones, so that some requests succeed. */
export function plausibleWithOverrides(base: fc.Arbitrary<JsonObject>, fields: readonly string[]): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(base, fc.array(fc.tuple(hostileKey(fields), hostileValue(fields)), { maxLength: 3 }))
    .map(([object, overrides]) => new JsonObject([...object.entries, ...overrides]));
}

/** Bodies for one route: hostile objects, plausible bodies, non-objects, deep nesting, huge and truncated bodies. */
export function hostileBody(fields: readonly string[], plausible: fc.Arbitrary<JsonObject>): fc.Arbitrary<string> {
  const wellFormed = fc
    .oneof(
      { weight: 4, arbitrary: hostileObject(fields) as fc.Arbitrary<JsonValue> },
      { weight: 3, arbitrary: plausibleWithOverrides(plausible, fields) },
      { weight: 1, arbitrary: hostileValue(fields) },
      { weight: 1, arbitrary: fc.array(hostileObject(fields), { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...fields), deepNesting).map(([field, nested]) => new JsonObject([[field, nested]])) },
      { weight: 1, arbitrary: fc.constantFrom(...fields).map((field) => new JsonObject([[field, 'B'.repeat(300 * 1024)]])) },
    )
    .map(toJsonText);
  // One body in ten is cut short: malformed JSON must answer 400, whatever it was going to be.
  return fc
    .tuple(wellFormed, fc.integer({ min: 0, max: 9 }), fc.nat())
    .map(([text, roll, cut]) => (roll === 0 && text.length > 1 ? text.slice(0, 1 + (cut % (text.length - 1))) : text));
}
