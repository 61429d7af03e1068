// Senzing truth-set demo: 159 person and organisation records from three sources, deduplicated
// together. Truth: records sharing a CLUSTER_ID are one entity; records sharing a TEST_GROUP but
// not a cluster were built to look alike and must not merge (the hard negatives).
import path from 'node:path';
import { blankToNull, joinParts, readCsvRows } from './csv';
import { identifierType } from '@/lib/matching/normalize/identifier';
import type { RecordIdentifier } from '@/lib/matching/types';
import { pairsWithin, type LabelledDataset, type LabelledRecord } from './types';

const SOURCE_FILES = ['customers.csv', 'reference.csv', 'watchlist.csv'];
const TRUTH_FILE = 'actual_truthset_key.csv';

/** `"Jay Jones" <jjones@fmail.com>` → `jjones@fmail.com`; a bare address is kept as given. */
export function emailAddressOf(value: string | null): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  return bracketed ? bracketed[1] : value;
}

function contactNameOf(values: Record<string, string>): string | null {
  return (
    blankToNull(values.PRIMARY_NAME_FULL) ??
    joinParts(values.PRIMARY_NAME_FIRST, values.PRIMARY_NAME_MIDDLE, values.PRIMARY_NAME_LAST) ??
    // A name only in native script is still the person's name; the engine may not read it well.
    blankToNull(values.NATIVE_NAME_FULL)
  );
}

/** Senzing's identifier columns: number column, the RecordIdentifier type, and the issuer column. */
const IDENTIFIER_COLUMNS: ReadonlyArray<{ number: string; type: string; typeColumn?: string; issuer?: string }> = [
  { number: 'PASSPORT_NUMBER', type: 'passport', issuer: 'PASSPORT_COUNTRY' },
  { number: 'DRIVERS_LICENSE_NUMBER', type: 'drivers_license', issuer: 'DRIVERS_LICENSE_STATE' },
  { number: 'SSN_NUMBER', type: 'ssn' },
  { number: 'NATIONAL_ID_NUMBER', type: 'national_id', typeColumn: 'NATIONAL_ID_TYPE', issuer: 'NATIONAL_ID_COUNTRY' },
  { number: 'TAX_ID_NUMBER', type: 'tax_id', typeColumn: 'TAX_ID_TYPE', issuer: 'TAX_ID_COUNTRY' },
  { number: 'LEI_NUMBER', type: 'lei' },
];

/**
 * The record's identifiers. A sub-type column (NATIONAL_ID_TYPE "UEN", TAX_ID_TYPE "VAT"/"EIN")
 * becomes the type when it names one the engine knows; otherwise the column's own kind is kept.
 */
export function identifiersOf(values: Record<string, string>): RecordIdentifier[] {
  const identifiers: RecordIdentifier[] = [];
  for (const column of IDENTIFIER_COLUMNS) {
    const value = blankToNull(values[column.number]);
    if (!value) continue;
    const subType = column.typeColumn ? blankToNull(values[column.typeColumn]) : null;
    const type = subType && identifierType(subType) !== 'other' ? subType : column.type;
    const country = column.issuer ? blankToNull(values[column.issuer]) : null;
    identifiers.push({ type, value, ...(country ? { country } : {}) });
  }
  return identifiers;
}

export function toSenzingRecord(values: Record<string, string>): LabelledRecord {
  const hasStructuredAddress = [values.ADDR_LINE1, values.ADDR_CITY, values.ADDR_STATE, values.ADDR_POSTAL_CODE]
    .some((part) => blankToNull(part) !== null);
  return {
    id: `${values.DATA_SOURCE}:${values.RECORD_ID}`,
    companyName: blankToNull(values.PRIMARY_NAME_ORG),
    contactName: contactNameOf(values),
    email: emailAddressOf(blankToNull(values.EMAIL_ADDRESS)),
    phone: blankToNull(values.PHONE_NUMBER),
    // ADDR_FULL is kept whole rather than guessed apart: a loose parser here would add errors
    // that the engine's address normaliser should be measured on, not hidden behind.
    addressLine1: hasStructuredAddress ? blankToNull(values.ADDR_LINE1) : blankToNull(values.ADDR_FULL),
    city: blankToNull(values.ADDR_CITY),
    state: blankToNull(values.ADDR_STATE),
    postalCode: blankToNull(values.ADDR_POSTAL_CODE),
    country: blankToNull(values.ADDR_COUNTRY),
    dateOfBirth: blankToNull(values.DATE_OF_BIRTH),
    identifiers: identifiersOf(values),
  };
}

interface TruthRow {
  testGroup: string;
  clusterId: string;
  recordId: string;
}

async function readTruth(filePath: string): Promise<TruthRow[]> {
  const rows: TruthRow[] = [];
  for await (const { values } of readCsvRows(filePath)) {
    rows.push({
      testGroup: values.TEST_GROUP,
      clusterId: values.CLUSTER_ID,
      recordId: `${values.DATA_SOURCE}:${values.RECORD_ID}`,
    });
  }
  return rows;
}

export async function loadSenzingDemo(dir: string): Promise<LabelledDataset> {
  const records: LabelledRecord[] = [];
  for (const file of SOURCE_FILES) {
    for await (const { values } of readCsvRows(path.join(dir, file))) records.push(toSenzingRecord(values));
  }
  const truth = await readTruth(path.join(dir, TRUTH_FILE));

  const knownIds = new Set(records.map((record) => record.id));
  const unknown = truth.filter((row) => !knownIds.has(row.recordId));
  if (unknown.length > 0) {
    throw new Error(`${TRUTH_FILE}: ${unknown.length} truth rows name no record, e.g. ${unknown[0].recordId}`);
  }
  const labelledIds = new Set(truth.map((row) => row.recordId));
  const unlabelled = records.filter((record) => !labelledIds.has(record.id)).length;

  const truePairs = pairsWithin(truth, (row) => row.clusterId, (row) => row.recordId);
  const hardNegativePairs = pairsWithin(truth, (row) => row.testGroup, (row) => row.recordId, (a, b) => a.clusterId !== b.clusterId);

  const notes = [
    `dedupe over ${SOURCE_FILES.join(' + ')}; ids are DATA_SOURCE:RECORD_ID`,
    'truth: all unordered pairs within a CLUSTER_ID; hard negatives: same TEST_GROUP, different CLUSTER_ID',
    'companyName = PRIMARY_NAME_ORG; contactName = PRIMARY_NAME_FULL, else FIRST MIDDLE LAST, else NATIVE_NAME_FULL',
    'email = EMAIL_ADDRESS (address taken out of "Name <addr>" forms); phone = PHONE_NUMBER as given',
    'address: ADDR_LINE1/CITY/STATE/POSTAL_CODE when any is present, else ADDR_FULL whole into addressLine1',
    'country = ADDR_COUNTRY as given (names or codes, not normalised)',
    'dateOfBirth = DATE_OF_BIRTH as given (the engine reads its many formats)',
    'identifiers: PASSPORT_NUMBER (+COUNTRY), DRIVERS_LICENSE_NUMBER (+STATE), SSN_NUMBER, NATIONAL_ID_NUMBER (+TYPE, COUNTRY), ' +
      'TAX_ID_NUMBER (+TYPE, COUNTRY), LEI_NUMBER; a TYPE column the engine knows (VAT, EIN) is the type, else the column kind',
    'ignored: gender, SECONDARY_NAME_ORG, EMPLOYER, relationship keys, RECORD_TYPE, AMOUNT, CATEGORY, DATE, STATUS',
  ];
  if (unlabelled > 0) notes.push(`${unlabelled} records are not in the truth key (treated as singletons)`);

  return { name: 'senzing-demo', mode: 'dedupe', customers: records, incoming: records, truePairs, hardNegativePairs, notes };
}
