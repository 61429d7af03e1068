// Each comparison level in plain words, and whether it is agreement, near-agreement or disagreement:
// stewards read these on the match page, in the field table and in the waterfall, never the level codes.
import { NULL_LEVEL } from './compare/types';

export type LevelKind = 'agree' | 'close' | 'disagree' | 'missing';

export interface LevelLabel {
  label: string;
  kind: LevelKind;
}

const agree = (label: string): LevelLabel => ({ label, kind: 'agree' });
const close = (label: string): LevelLabel => ({ label, kind: 'close' });
const disagree = (label: string): LevelLabel => ({ label, kind: 'disagree' });

const PERSON: Record<string, LevelLabel> = {
  exact: agree('same name (order and nicknames aside)'),
  fuzzy: close('nearly the same name (typing errors)'),
  partial: close('one name contains the other'),
  initials: close('initials fit the name'),
  oneWordOtherSimilar: close('one name word shared, the other similar'),
  oneWord: close('one name word shared'),
  givenConflict: disagree('same surname, clearly different given names'),
  else: disagree('different people'),
};

const LEVELS: Record<string, Record<string, LevelLabel>> = {
  companyName: {
    exact: agree('same name after normalising'),
    jw95: close('nearly the same name (a typing error or two)'),
    distinctiveEqual: close('same distinctive word in the name'),
    jw88: close('similar name'),
    tokenSet80: close('mostly the same words'),
    cosine90: close('similar in meaning'),
    else: disagree('different names'),
  },
  legalForm: { same: agree('same legal form'), different: disagree('different legal form') },
  identifier: { exact: agree('same registration or document number'), conflict: disagree('different numbers of the same kind') },
  personName: PERSON,
  contactName: PERSON,
  generation: { same: agree('same generation (Jr, Sr, II)'), different: disagree('different generation (e.g. Jr and Sr)') },
  dateOfBirth: {
    exact: agree('same date'),
    transposed: close('same date with day and month swapped'),
    yearMonth: close('same year and month'),
    yearClose: close('birth years close'),
    else: disagree('different dates'),
  },
  email: { exact: agree('same address after normalising'), sameLocal: close('same mailbox name, other domain'), else: disagree('different addresses') },
  domain: { exact: agree('same web domain'), sameName: close('same name under another ending (.com / .de)'), typo: close('domain one typing error apart'), else: disagree('different domains') },
  phone: { exact: agree('same number after normalising'), last7: close('same last 7 digits'), else: disagree('different numbers') },
  street: {
    exact: agree('same street address'),
    numberAndNameClose: close('same house number, street nearly the same'),
    numberAndNameSimilar: close('same house number, similar street'),
    nameOnly: close('same street, other house number'),
    linesRearranged: close('same words, lines rearranged'),
    else: disagree('different street addresses'),
  },
  addressDetail: { exact: agree('same suite or floor'), close: close('similar suite or floor'), else: disagree('different suite or floor') },
  locality: {
    postalAndCity: agree('same postal code and city'),
    postal: agree('same postal code'),
    cityAndState: agree('same city and state'),
    city: close('same city'),
    nearby: close('nearby place'),
    state: close('same state or region'),
    else: disagree('different places'),
  },
  country: { same: agree('same country'), different: disagree('different countries') },
  industry: { same: agree('same industry'), different: disagree('different industries') },
  revenue: { within10pct: agree('within 10%'), within50pct: close('within 50%'), else: disagree('far apart') },
  employeeCount: { within10pct: agree('within 10%'), within50pct: close('within 50%'), else: disagree('far apart') },
  profileEmbedding: {
    cosine90: agree('very similar profile'),
    cosine75: close('similar profile'),
    cosine60: close('somewhat similar profile'),
    cosine45: close('a little similar profile'),
    else: disagree('dissimilar profile'),
  },
  competingCandidates: { conflicting: disagree('other candidates it cannot be at the same time') },
};

const MISSING: LevelLabel = { label: 'missing on one side', kind: 'missing' };

/** The level in words; an unknown code is shown as it is rather than hidden. */
export function levelLabel(field: string, level: string): LevelLabel {
  if (level === NULL_LEVEL) return MISSING;
  return LEVELS[field]?.[level] ?? { label: level, kind: 'close' };
}

const COMPARISON_LABELS: Record<string, string> = {
  companyName: 'Company name',
  legalForm: 'Legal form',
  identifier: 'Registration or document number',
  personName: 'Name',
  contactName: 'Contact person',
  generation: 'Generation (Jr, Sr, II)',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  domain: 'Web domain',
  phone: 'Phone',
  street: 'Street address',
  addressDetail: 'Suite or floor',
  locality: 'City, state and postal code',
  country: 'Country',
  industry: 'Industry',
  revenue: 'Revenue',
  employeeCount: 'Employees',
  profileEmbedding: 'Whole profile (embedding)',
  competingCandidates: 'Competing candidates',
};

/** A comparison's name as a steward reads it. */
export function comparisonLabel(field: string): string {
  return COMPARISON_LABELS[field] ?? field;
}
