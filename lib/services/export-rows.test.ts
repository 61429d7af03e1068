import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { criteriaField, matchCriteriaOf } from '../schemas/explanation.test-helpers';
import { exportQuerySchema } from '../schemas/export';
import { closingChunk, csvChunk, formatReasons, openingChunk, pageChunk, topReasons, type ExportRow } from './export-rows';

describe('csvChunk formula escaping (OWASP CSV injection)', () => {
  const cases: Array<[string, string | number | boolean | null, string]> = [
    ['formula', '=1+2', "'=1+2"],
    ['plus', '+x', "'+x"],
    ['minus text', '-x', "'-x"],
    ['at', '@x', "'@x"],
    ['tab', '\tx', "'\tx"],
    ['carriage return', '\rx', "'\rx"],
    ['full-width equals', '＝1+2', "'＝1+2"],
    ['phone in E.164 text', '+1 212 555 0100', "'+1 212 555 0100"],
    ['normal text', 'Acme Corp', 'Acme Corp'],
    ['formula sign later in the text', 'a=1', 'a=1'],
    ['number', 42, '42'],
    // A number cell cannot carry a formula, and '-5 would not re-import as a number: numbers stay numbers.
    ['negative number', -5, '-5'],
    ['negative decimal', -1250.5, '-1250.5'],
    ['boolean', true, 'true'],
    ['null', null, ''],
  ];
  it.each(cases)('%s: %j is written so that it reads back as %j', (_label, value, expected) => {
    const csv = csvChunk(['value'], [{ value }], true);
    const [record] = parse(csv, { columns: true, relax_quotes: true }) as Array<{ value: string }>;
    expect(record.value).toBe(expected);
  });

  // A spreadsheet that splits on ";" (or tab) would start a new cell, unguarded, after the separator: such cells are quoted.
  it.each<[string, string | number, string]>([
    ['a formula after a semicolon', 'x;=1+1', '"x;=1+1"'],
    ['a cell starting with a semicolon', ';=1+1', '";=1+1"'],
    ['a formula after a tab', 'x\t=1+1', '"x\t=1+1"'],
    ['a formula after a comma', 'x,=1+1', '"x,=1+1"'],
    ['a formula start', '=1+1', `"'=1+1"`],
    ['an at sign', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a negative number', -5, '"-5"'],
    ['plain text', 'Acme; Corp', '"Acme; Corp"'],
    ['plain text without separators', 'Acme Corp', 'Acme Corp'],
  ])('%s: %j is written as %s', (_label, value, written) => {
    expect(csvChunk(['value'], [{ value }], false)).toBe(`${written}\n`);
  });

  it('a semicolon-separated reading of the export finds no cell that starts a formula', () => {
    const csv = csvChunk(['value'], ['x;=1+1', ';@SUM(A1);-2+3', 'a\t+1'].map((value) => ({ value })), false);
    const cells = (parse(csv, { delimiter: ';', relax_column_count: true }) as string[][]).flat();
    expect(cells).toHaveLength(3);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('JSON and JSON Lines keep the raw values', () => {
    const row: ExportRow = { value: '=1+2', other: '-x', n: -5 };
    expect(JSON.parse(pageChunk('jsonl', ['value'], [row], 0))).toEqual(row);
    expect(JSON.parse(`${openingChunk('json', [])}${pageChunk('json', [], [row, row], 0)}${closingChunk('json', 2)}`)).toEqual([row, row]);
  });
});

describe('JSON framing across pages', () => {
  it('pages written one after the other form one array; no rows is an empty array', () => {
    const pages: ExportRow[][] = [[{ a: 1 }, { a: 2 }], [{ a: 3 }]];
    let text = openingChunk('json', ['a']);
    let written = 0;
    for (const page of pages) {
      text += pageChunk('json', ['a'], page, written);
      written += page.length;
    }
    text += closingChunk('json', written);
    expect(JSON.parse(text)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(JSON.parse(`${openingChunk('json', [])}${closingChunk('json', 0)}`)).toEqual([]);
  });

  it('CSV: the header comes once, pages add rows only', () => {
    expect(openingChunk('csv', ['a', 'b'])).toBe('a,b\n');
    expect(pageChunk('csv', ['a', 'b'], [{ a: 1, b: 'x,y' }], 0)).toBe('1,"x,y"\n');
    expect(pageChunk('csv', ['a'], [], 3)).toBe('');
  });
});

describe('topReasons', () => {
  const criteria = matchCriteriaOf({
    prior_weight: -10,
    match_weight: 7,
    match_probability: 0.99,
    fields: [
      { field: 'companyName', level: 'exact', weight: 8.2 },
      { field: 'email', level: 'exact', weight: 10.4 },
      { field: 'city', level: 'different', weight: -3.1 },
      { field: 'phone', level: 'missing', weight: 0 },
      { field: 'website', level: 'fuzzy', weight: 1.5 },
    ],
  });
  it('lists the contributions that moved the score most, either way, without the missing ones', () => {
    expect(topReasons(criteria).map((reason) => reason.field)).toEqual(['email', 'companyName', 'city']);
    expect(formatReasons(topReasons(criteria))).toBe('email exact +10.4; companyName exact +8.2; city different -3.1');
    expect(topReasons(null)).toEqual([]);
    expect(topReasons({ fields: 'nonsense' })).toEqual([]);
    // A row in no shape the writer wrote lists no reasons rather than guessed ones.
    expect(topReasons({ fields: criteria.fields.map(({ field, level, weight }) => ({ field, level, weight })) })).toEqual([]);
  });
  it('lists a contradicting field first, even one that weighs nothing, and says so', () => {
    const contradicted = { ...criteria, fields: [...criteria.fields, criteriaField({ field: 'generation', level: 'different', weight: 0, contradicts: true })] };
    expect(topReasons(contradicted)).toEqual([
      { field: 'generation', level: 'different', weight: 0, contradicts: true },
      { field: 'email', level: 'exact', weight: 10.4 },
      { field: 'companyName', level: 'exact', weight: 8.2 },
    ]);
    expect(formatReasons(topReasons(contradicted))).toBe('generation different 0 (contradicts); email exact +10.4; companyName exact +8.2');
  });
});

describe('exportQuerySchema', () => {
  it('parses the strings of a query or the CLI', () => {
    expect(exportQuerySchema.parse({ what: 'matches', band: 'exact, High', reviewed: 'false', since: '2026-11-01', bom: '1' })).toEqual({
      what: 'matches', format: 'csv', band: ['exact', 'high'], reviewed: false, since: new Date('2026-11-01T00:00:00Z'), bom: true,
    });
    expect(exportQuerySchema.parse({ what: 'customers', format: 'jsonl', since: '2026-11-01T08:00:00+01:00' }).since).toEqual(new Date('2026-11-01T07:00:00Z'));
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ['unknown what', { what: 'everything' }, 'what'],
    ['missing what', {}, 'what'],
    ['unknown format', { what: 'matches', format: 'xlsx' }, 'format'],
    ['unknown band', { what: 'matches', band: 'exact,certain' }, 'band'],
    ['empty band list', { what: 'matches', band: ' , ' }, 'band'],
    ['band on customers', { what: 'customers', band: 'exact' }, 'band'],
    ['reviewed on decisions', { what: 'decisions', reviewed: 'true' }, 'reviewed'],
    ['bad since', { what: 'matches', since: 'yesterday' }, 'since'],
    ['BOM on JSON', { what: 'matches', format: 'json', bom: 'true' }, 'bom'],
  ];
  it.each(bad)('refuses %s', (_label, query, path) => {
    const result = exportQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(path);
  });
});
