import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows';
import { jsonArrayRows } from './json-rows';
import { jsonLinesRows } from './jsonl-rows';
import { MalformedFileError, type SourceRow } from './types';

/** The text as a stream of small chunks, so every parser must cope with records split across reads. */
async function* chunked(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function collect(rows: AsyncGenerator<SourceRow>): Promise<{ rows: SourceRow[]; error: MalformedFileError | null }> {
  const seen: SourceRow[] = [];
  try {
    for await (const row of rows) seen.push(row);
    return { rows: seen, error: null };
  } catch (error) {
    if (error instanceof MalformedFileError) return { rows: seen, error };
    throw error;
  }
}

describe('csvRows', () => {
  it('keys rows by canonical column, numbers data rows from 1 and gives the line each ends on', async () => {
    let columns: string[] = [];
    const text = '\uFEFFCompany_Name,State_Province,annual_revenue\r\nAcme,NY,"1,000"\r\n\r\n"Multi\nLine Ltd",CA,\r\n';
    const { rows, error } = await collect(csvRows(chunked(text), { onColumns: (found) => (columns = found) }));
    expect(error).toBeNull();
    expect(columns).toEqual(['company_name', 'state', 'revenue']);
    expect(rows).toEqual([
      { row: 1, line: 2, record: { company_name: 'Acme', state: 'NY', revenue: '1,000' } },
      { row: 2, line: 5, record: { company_name: 'Multi\nLine Ltd', state: 'CA', revenue: '' } },
    ]);
  });

  it('turns a row with the wrong number of values into a problem, not a shifted record', async () => {
    const { rows } = await collect(csvRows(chunked('company_name,city\nA,Oslo\nB,Bergen,extra\nC\n')));
    expect(rows.map((row) => row.record)).toEqual([
      { company_name: 'A', city: 'Oslo' },
      { problem: 'has 3 values but the header has 2 columns' },
      { problem: 'has 1 values but the header has 2 columns' },
    ]);
  });

  it('reads a stray quote inside a field as written, and goes on with the rows after it', async () => {
    const text = 'company_name,city\nA,Oslo\nAcme "Best" Inc,Bergen\n"C"x,Molde\n5" Pipes AS,Bodø\nD,Tromsø\n';
    const { rows, error } = await collect(csvRows(chunked(text)));
    expect(error).toBeNull();
    expect(rows.map((row) => row.record)).toEqual([
      { company_name: 'A', city: 'Oslo' },
      { company_name: 'Acme "Best" Inc', city: 'Bergen' },
      { company_name: '"C"x', city: 'Molde' },
      { company_name: '5" Pipes AS', city: 'Bodø' },
      { company_name: 'D', city: 'Tromsø' },
    ]);
  });

  it('stops at a quote that is never closed with the data row and line, after yielding the rows before it', async () => {
    const { rows, error } = await collect(csvRows(chunked('company_name,city\nA,Oslo\nB,Bergen\n"C,Molde\nD,Bodø\n')));
    expect(rows.map((row) => row.row)).toEqual([1, 2]);
    expect(error).toMatchObject({ row: 3, line: 4 });
    expect(error!.message).toMatch(/Malformed CSV: Quote Not Closed: the quote opened on line 4 is never closed/);
  });

  it('refuses a repeated column and an empty file', async () => {
    expect((await collect(csvRows(chunked('city,City\nOslo,Oslo\n')))).error?.message).toMatch(/column "city" appears twice/);
    expect((await collect(csvRows(chunked('')))).error?.message).toMatch(/CSV is empty/);
  });
});

describe('jsonArrayRows', () => {
  it('streams the elements of a top-level array with the line each starts on', async () => {
    const text = '[\n  {"company_name": "A"},\n  {"company_name":\n "B"},\n  42\n]\n';
    const { rows, error } = await collect(jsonArrayRows(chunked(text, 3)));
    expect(error).toBeNull();
    expect(rows).toEqual([
      { row: 1, line: 2, record: { company_name: 'A' } },
      { row: 2, line: 3, record: { company_name: 'B' } },
      { row: 3, line: 5, record: { problem: 'is not a JSON object' } },
    ]);
  });

  it('stops at broken JSON naming the row and line, after the complete rows before it', async () => {
    const { rows, error } = await collect(jsonArrayRows(chunked('[\n{"company_name": "A"},\n{"company_name": "B"},\n{"company_name" "C"}\n]')));
    expect(rows.map((row) => row.record)).toEqual([{ company_name: 'A' }, { company_name: 'B' }]);
    expect(error).toMatchObject({ row: 3, line: 4 });
  });

  it('refuses a top-level object, an empty file and a truncated array', async () => {
    expect((await collect(jsonArrayRows(chunked('{"records": []}')))).error?.message).toMatch(/expected a top-level array/);
    expect((await collect(jsonArrayRows(chunked('  ')))).error?.message).toMatch(/empty/);
    const truncated = await collect(jsonArrayRows(chunked('[{"company_name": "A"}, {"comp')));
    expect(truncated.rows).toHaveLength(1);
    expect(truncated.error?.message).toMatch(/Malformed JSON/);
  });

  it.each([
    ['after a complete element', '[{"company_name":"T1"},{"company_name":"T2"}', 2],
    ['after a comma', '[{"company_name":"T1"},\n', 1],
    ['inside an element, after a complete value', '[{"company_name":"T1"},{"company_name":"T2"', 1],
    ['right after the bracket', '[', 0],
  ])('reports a file that ends before its array is closed (%s) as malformed, after the complete rows', async (_label, text, complete) => {
    const { rows, error } = await collect(jsonArrayRows(chunked(text as string)));
    expect(rows).toHaveLength(complete as number);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error!.message).toMatch(/Malformed JSON: the file ends before the array is closed/);
    expect(error).toMatchObject({ row: (complete as number) + 1 });
  });

  it('refuses data after the closing bracket', async () => {
    const { rows, error } = await collect(jsonArrayRows(chunked('[{"company_name":"A"}] {"company_name":"B"}')));
    expect(rows).toHaveLength(1);
    expect(error?.message).toMatch(/Malformed JSON/);
  });
});

describe('jsonLinesRows', () => {
  it('gives one row per non-blank line; a bad line is a problem of that row only', async () => {
    const text = '\uFEFF{"company_name":"A"}\n\n{"company_name":\n["x"]\n{"company_name":"é"}';
    const { rows, error } = await collect(jsonLinesRows(chunked(text, 5)));
    expect(error).toBeNull();
    expect(rows.map(({ row, line }) => [row, line])).toEqual([[1, 1], [2, 3], [3, 4], [4, 5]]);
    expect(rows[0].record).toEqual({ company_name: 'A' });
    expect(rows[1].record).toMatchObject({ problem: expect.stringMatching(/is not valid JSON/) });
    expect(rows[2].record).toEqual({ problem: 'is not a JSON object' });
    expect(rows[3].record).toEqual({ company_name: 'é' });
  });
});
