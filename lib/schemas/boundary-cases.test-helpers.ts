// Each customer field's boundary values, written from the column types (varchar(n), integer, numeric(18,2))
// and not from the code under test: the values just inside must be stored exactly, those just outside refused,
// on every write path (unit, services on both databases, REST).

export interface BoundaryValue {
  label: string;
  /** The value as raw JSON text: 1e309 and a lone surrogate cannot be produced by JSON.stringify. */
  json: string;
  /** The value as a CSV cell; absent when a CSV file cannot carry it (a lone surrogate is not UTF-8). */
  csv?: string;
  /** NUL or a lone surrogate: an HTTP JSON body holding one is refused as a whole, before any record is read. */
  unstorable?: true;
}

export interface AcceptedValue extends BoundaryValue {
  /** What the API answers back for the field once stored. */
  stored: unknown;
}

export interface FieldBoundaries {
  /** The API (and CSV) name of the field. */
  field: string;
  accepted: AcceptedValue[];
  refused: BoundaryValue[];
}

export const INTEGER_MAX = 2 ** 31 - 1;
/** The largest double below 10^16, the first value numeric(18,2) cannot hold. */
export const NUMERIC_18_2_MAX = 9_999_999_999_999_998;
const HUGE = 100_000;

const text = (label: string, value: string): BoundaryValue => ({ label, json: JSON.stringify(value), csv: value });
const kept = (label: string, value: string): AcceptedValue => ({ ...text(label, value), stored: value });
const number = (label: string, raw: string, csv = raw.replace(/^"|"$/g, '')): BoundaryValue => ({ label, json: raw, csv });

/** Refused by every text field: what PostgreSQL text cannot hold, and far too much. */
const textRefusals = (max: number): BoundaryValue[] => [
  text(`${max + 1} characters`, 'x'.repeat(max + 1)),
  text(`${HUGE} characters`, 'y'.repeat(HUGE)),
  { ...text('a NUL character', 'nul\u0000byte'), unstorable: true },
  { label: 'a lone surrogate', json: '"lone\\ud800surrogate"', unstorable: true },
  { label: 'a lone low surrogate', json: '"lone\\udc00low"', unstorable: true },
];

function textField(field: string, max: number, accepted: AcceptedValue[] = []): FieldBoundaries {
  return { field, accepted: [kept(`${max} characters`, 'x'.repeat(max)), ...accepted], refused: textRefusals(max) };
}

/** A syntactically valid address of exactly 320 characters: 64 before the @, 255 after. */
const LONGEST_EMAIL = `${'a'.repeat(64)}@${['b', 'c', 'd', 'e'].map((letter) => letter.repeat(63)).join('.')}`;

const identifiers = (count: number, value = 'DE123') => Array.from({ length: count }, (_, i) => ({ type: 'vat', value: `${value}${i}` }));
const identifierList = (label: string, list: unknown): BoundaryValue => ({ label, json: JSON.stringify(list), csv: JSON.stringify(list) });

const numberRefusals = (below: BoundaryValue, above: BoundaryValue): BoundaryValue[] => [
  below,
  above,
  number('NaN', '"NaN"'),
  number('1e309 (a JSON number beyond double)', '1e309'),
  number('"1e309" (as a string)', '"1e309"'),
  number('"Infinity"', '"Infinity"'),
  number('hexadecimal "0x10"', '"0x10"'),
  number('binary "0b11"', '"0b11"'),
];

/** `token` makes source ids unique per run, so records are never taken for ones sent before. */
export function boundaryFields(token: string): FieldBoundaries[] {
  return [
    textField('company_name', 300, [kept('300 CJK characters (transliterated far longer)', '王'.repeat(300)), kept('150 astral characters (300 UTF-16 units)', '😀'.repeat(150))]),
    textField('contact_name', 200, [kept('200 CJK characters', '李'.repeat(200))]),
    {
      field: 'email',
      accepted: [kept('320 characters', LONGEST_EMAIL)],
      refused: [text('321 characters', `a${LONGEST_EMAIL}`), ...textRefusals(320).slice(1)],
    },
    textField('phone', 50, [kept('50 digits', '1'.repeat(50))]),
    textField('address_line1', 300, [kept('a 290-digit street number', `${'1'.repeat(290)} Main St`)]),
    textField('address_line2', 300),
    textField('city', 120, [kept('120 astral characters', '😀'.repeat(120))]),
    textField('state', 120),
    textField('postal_code', 20, [kept('20 × ß (normalised to 40 letters)', 'ß'.repeat(20))]),
    textField('country', 120),
    textField('industry', 120),
    textField('website', 300, [kept('a 300-character URL', `https://www.${'w'.repeat(60)}.example/${'p'.repeat(300 - 'https://www..example/'.length - 60)}`)]),
    textField('description', 5000),
    {
      field: 'date_of_birth',
      accepted: [
        kept('29 February of a leap year', '2024-02-29'),
        kept('a placeholder date (stored as given)', '1900-01-01'),
        kept('US order', '12/31/1978'),
        kept('not a date at all (stored as given)', 'unknown'),
        kept('40 characters', 'd'.repeat(40)),
      ],
      refused: [
        text('30 February', '2023-02-30'),
        text('29 February of a common year', '2023-02-29'),
        text('31 April (day first)', '31/04/1990'),
        text('month 13', '1990-13-01'),
        text('30 Feb with a month name', 'Feb 30 2023'),
        text('compact 30 February', '20230230'),
        ...textRefusals(40),
      ],
    },
    {
      field: 'employee_count',
      accepted: [
        { ...number('2^31−1', String(INTEGER_MAX)), stored: INTEGER_MAX },
        { ...number('zero', '0'), stored: 0 },
        { ...number('negative zero', '-0'), stored: 0 },
      ],
      refused: [...numberRefusals(number('−1', '-1'), number('2^31', String(INTEGER_MAX + 1))), number('2.5', '2.5'), number('2^63', '9223372036854775808')],
    },
    {
      field: 'revenue',
      accepted: [
        { ...number('the largest double below 10^16', String(NUMERIC_18_2_MAX)), stored: NUMERIC_18_2_MAX },
        { ...number('one cent', '0.01'), stored: 0.01 },
        { ...number('negative zero', '-0'), stored: 0 },
        { label: 'thousands separators', json: '"1,200,000.50"', csv: '1,200,000.50', stored: 1_200_000.5 },
      ],
      refused: numberRefusals(number('−0.01', '-0.01'), number('10^16', '10000000000000000')),
    },
    {
      field: 'identifiers',
      accepted: [{ ...identifierList('20 identifiers', identifiers(20)), stored: identifiers(20).map((entry) => ({ ...entry, country: null })) }],
      refused: [
        identifierList('21 identifiers', identifiers(21)),
        identifierList('a 101-character value', [{ type: 'vat', value: 'v'.repeat(101) }]),
        identifierList('a 41-character type', [{ type: 't'.repeat(41), value: 'x' }]),
        { ...identifierList('a NUL in the value', [{ type: 'vat', value: 'DE\u00001' }]), unstorable: true },
      ],
    },
    { field: 'source_system', accepted: [kept('100 characters', `${token}-sys`.padEnd(100, 's'))], refused: textRefusals(100) },
    { field: 'source_id', accepted: [kept('200 characters', `${token}-id`.padEnd(200, 'i'))], refused: textRefusals(200) },
  ];
}

/** One record as JSON text: a company name, a unique source id, and the field under test. */
export function recordJson(field: string, value: BoundaryValue, sourceId: string): string {
  const parts = [field === 'company_name' ? null : `"company_name":"Boundary ${field}"`, `${JSON.stringify(field)}:${value.json}`, field === 'source_id' ? null : `"source_id":${JSON.stringify(sourceId)}`];
  return `{${parts.filter(Boolean).join(',')}}`;
}

/** The same record as CSV cells keyed by column, or null when CSV cannot carry the value. */
export function recordCells(field: string, value: BoundaryValue, sourceId: string): Record<string, string> | null {
  if (value.csv === undefined) return null;
  return { company_name: `Boundary ${field}`, source_id: sourceId, [field]: value.csv };
}
