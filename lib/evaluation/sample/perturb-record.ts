// Perturbations on the rendered record: typing errors, case, an e-mail or phone typo, and
// fields left empty. They run after the profile perturbations, on the text a person would type.
import type { CustomerRecord } from '@/lib/matching/types';
import { IDENTIFYING_FIELDS, type PerturbationKind } from './perturbation-kinds';
import { mistypeOneDigit } from './phone';
import type { Random } from './random';
import { typoInPhrase, typoInWord } from './text';

type RecordPerturbation = (record: CustomerRecord, random: Random) => boolean;

function typoIn(field: 'companyName' | 'contactName' | 'addressLine1'): RecordPerturbation {
  return (record, random) => {
    const value = record[field];
    const changed = value ? typoInPhrase(value, random) : null;
    if (!changed || changed === value) return false;
    record[field] = changed;
    return true;
  };
}

const caseChange: RecordPerturbation = (record, random) => {
  if (!record.companyName) return false;
  const changed = random.chance(0.7) ? record.companyName.toUpperCase() : record.companyName.toLowerCase();
  if (changed === record.companyName) return false;
  record.companyName = changed;
  return true;
};

/** A typo in the local part or in the domain's first label ("gmial.com", "acmee.com"). */
const emailTypo: RecordPerturbation = (record, random) => {
  const [localPart, domain] = record.email?.split('@') ?? [];
  if (!localPart || !domain) return false;
  const [label, ...rest] = domain.split('.');
  if (label.length >= 4 && (localPart.length < 4 || random.chance(0.5))) {
    record.email = `${localPart}@${[typoInWord(label, random), ...rest].join('.')}`;
  } else if (localPart.length >= 4) {
    record.email = `${typoInWord(localPart, random)}@${domain}`;
  } else {
    return false;
  }
  return true;
};

const phoneDigitTypo: RecordPerturbation = (record, random) => {
  if (!record.phone) return false;
  record.phone = mistypeOneDigit(record.phone, random);
  return true;
};

const DESCRIPTIVE_FIELDS = [
  'contactName', 'addressLine2', 'state', 'postalCode', 'industry', 'revenue', 'employeeCount', 'description',
] as const;

/**
 * Leaves two to four fields empty. Identifying fields go too, but at least two stay, so that
 * (with at most one corrupted) one still agrees exactly with the customer.
 */
const missingFields: RecordPerturbation = (record, random) => {
  const presentIdentifiers = IDENTIFYING_FIELDS.filter((field) => record[field] != null);
  const droppableIdentifiers = random.sample(presentIdentifiers, Math.max(0, presentIdentifiers.length - 2));
  const present = [...DESCRIPTIVE_FIELDS.filter((field) => record[field] != null), ...droppableIdentifiers];
  const dropped = random.sample(present, random.int(2, 4));
  if (dropped.length < 2) return false;
  for (const field of dropped) record[field] = null;
  return true;
};

export const RECORD_PERTURBATIONS: Partial<Record<PerturbationKind, RecordPerturbation>> = {
  company_typo: typoIn('companyName'),
  contact_typo: typoIn('contactName'),
  street_typo: typoIn('addressLine1'),
  case_change: caseChange,
  email_typo: emailTypo,
  phone_digit_typo: phoneDigitTypo,
  missing_fields: missingFields,
};

/** Sparse records keep two or three fields; each template names a pair a careful reader can decide. */
export const SPARSE_TEMPLATES: ReadonlyArray<ReadonlyArray<keyof CustomerRecord>> = [
  ['companyName', 'phone'],
  ['companyName', 'email'],
  ['companyName', 'addressLine1', 'postalCode'],
  ['contactName', 'email'],
  ['companyName', 'website'],
  ['contactName', 'phone', 'city'],
  ['companyName', 'city', 'phone'],
];

/** Empties every field outside the template. */
export function keepOnly(record: CustomerRecord, fields: ReadonlyArray<keyof CustomerRecord>): CustomerRecord {
  const sparse: CustomerRecord = {};
  for (const key of Object.keys(record) as Array<keyof CustomerRecord>) {
    (sparse as Record<string, unknown>)[key] = fields.includes(key) ? record[key] : null;
  }
  return sparse;
}
