// Febrl 4 (synthetic Australian persons): 4a are the customers, 4b their corrupted duplicates.
// Truth comes from the record ids: rec-N-org in 4a is the same person as rec-N-dup-0 in 4b.
import path from 'node:path';
import { blankToNull, joinParts, readCsvRows } from './csv';
import type { LabelledDataset, LabelledRecord } from './types';

const FEBRL_ID = /^rec-(\d+)-(org|dup-\d+)$/;

export interface Febrl4Options {
  /**
   * Map date_of_birth → dateOfBirth and soc_sec_id → an identifier. Off by default: the customer
   * schema has no such columns for company data, and without them the set tests names and
   * addresses alone (the harder, honest setting).
   */
  withIdentifiers?: boolean;
}

function identityFields(values: Record<string, string>): Pick<LabelledRecord, 'dateOfBirth' | 'identifiers'> {
  const socialSecurityId = blankToNull(values.soc_sec_id);
  return {
    dateOfBirth: blankToNull(values.date_of_birth),
    identifiers: socialSecurityId ? [{ type: 'social security', value: socialSecurityId, country: 'AU' }] : [],
  };
}

function toRecord(values: Record<string, string>, options: Febrl4Options): LabelledRecord {
  return {
    ...(options.withIdentifiers ? identityFields(values) : {}),
    id: values.rec_id,
    contactName: joinParts(values.given_name, values.surname),
    addressLine1: joinParts(values.street_number, values.address_1),
    addressLine2: blankToNull(values.address_2),
    city: blankToNull(values.suburb),
    state: blankToNull(values.state),
    postalCode: blankToNull(values.postcode),
    // Febrl generates Australian data only; the files carry no country column.
    country: 'AU',
  };
}

async function readFebrlFile(filePath: string, options: Febrl4Options): Promise<LabelledRecord[]> {
  const records: LabelledRecord[] = [];
  for await (const { rowNumber, values } of readCsvRows(filePath)) {
    if (!FEBRL_ID.test(values.rec_id ?? '')) {
      throw new Error(`${filePath} row ${rowNumber}: rec_id "${values.rec_id}" is not rec-N-org or rec-N-dup-K`);
    }
    records.push(toRecord(values, options));
  }
  return records;
}

/** The entity number N of rec-N-org / rec-N-dup-K. */
function entityNumber(id: string): string {
  return FEBRL_ID.exec(id)![1];
}

export async function loadFebrl4(dir: string, options: Febrl4Options = {}): Promise<LabelledDataset> {
  const customers = await readFebrlFile(path.join(dir, 'dataset4a.csv'), options);
  const incoming = await readFebrlFile(path.join(dir, 'dataset4b.csv'), options);

  const customerByEntity = new Map(customers.map((customer) => [entityNumber(customer.id), customer.id]));
  const truePairs: Array<[string, string]> = [];
  let incomingWithoutOriginal = 0;
  for (const record of incoming) {
    const customerId = customerByEntity.get(entityNumber(record.id));
    if (customerId) truePairs.push([record.id, customerId]);
    else incomingWithoutOriginal += 1;
  }

  const notes = [
    'customers = dataset4a.csv, incoming = dataset4b.csv; truth: rec-N-org ↔ rec-N-dup-K',
    'contactName = given_name + surname; addressLine1 = street_number + address_1; addressLine2 = address_2',
    'city = suburb; postalCode = postcode; state = state; country = AU (constant)',
    options.withIdentifiers
      ? 'with identifiers: dateOfBirth = date_of_birth (YYYYMMDD); identifiers = soc_sec_id as a social security id (country AU)'
      : 'ignored (no customer column, the default): date_of_birth, soc_sec_id',
  ];
  if (incomingWithoutOriginal > 0) {
    notes.push(`${incomingWithoutOriginal} incoming records have no original in dataset4a (no true pair)`);
  }
  const name = options.withIdentifiers ? 'febrl4-with-identifiers' : 'febrl4';
  return { name, mode: 'link', customers, incoming, truePairs, notes };
}
