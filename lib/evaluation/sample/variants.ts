// Incoming variants of an existing customer: one to four named perturbations on a full record,
// or a sparse record of two or three fields. Each variant lists what was done to it.
import type { CustomerRecord } from '@/lib/matching/types';
import type { CompanyProfile } from './company';
import { PROFILE_PERTURBATIONS, renderDraft, startDraft, type PerturbationContext } from './perturb-profile';
import { keepOnly, RECORD_PERTURBATIONS, SPARSE_TEMPLATES } from './perturb-record';
import {
  IDENTIFIER_CORRUPTIONS,
  LIGHT_PERTURBATIONS,
  PERTURBATION_KINDS,
  PERTURBED_FIELD,
  PLANNED_PERTURBATIONS,
  type PerturbationKind,
} from './perturbation-kinds';

export interface GeneratedVariant {
  record: CustomerRecord;
  perturbations: PerturbationKind[];
}

const REGULAR_KINDS = PERTURBATION_KINDS.filter((kind) => !PLANNED_PERTURBATIONS.has(kind));
/** Pairs that would hide each other: "B. Smith" from a nickname is no longer a nickname variant. */
const EXCLUSIVE: ReadonlyArray<readonly [PerturbationKind, PerturbationKind]> = [['contact_initials', 'contact_nickname']];

function compatible(kind: PerturbationKind, chosen: PerturbationKind[]): boolean {
  if (IDENTIFIER_CORRUPTIONS.has(kind) && chosen.some((other) => IDENTIFIER_CORRUPTIONS.has(other))) return false;
  return !EXCLUSIVE.some(([a, b]) => (kind === a && chosen.includes(b)) || (kind === b && chosen.includes(a)));
}

const canonicalOrder = (a: PerturbationKind, b: PerturbationKind) => PERTURBATION_KINDS.indexOf(a) - PERTURBATION_KINDS.indexOf(b);

/** Applies the given kinds (profile ones first, then record ones); returns the record and those that took effect. */
export function applyPerturbations(
  customer: CompanyProfile,
  kinds: PerturbationKind[],
  context: PerturbationContext,
): GeneratedVariant {
  const draft = startDraft(customer);
  const applied: PerturbationKind[] = [];
  for (const kind of [...kinds].sort(canonicalOrder)) {
    const perturb = PROFILE_PERTURBATIONS[kind];
    if (perturb?.(draft, context)) applied.push(kind);
  }
  const record = renderDraft(draft);
  for (const kind of [...kinds].sort(canonicalOrder)) {
    const perturb = RECORD_PERTURBATIONS[kind];
    if (perturb?.(record, context.random)) applied.push(kind);
  }
  return { record, perturbations: applied.sort(canonicalOrder) };
}

/**
 * Kinds that apply to few customers (a numbered street, a name with a nickname, a city with an
 * alias) are preferred when they do apply, so that every kind shows up in a set of modest size.
 */
const SELECTION_WEIGHT: Partial<Record<PerturbationKind, number>> = {
  // Another person at the same company is the most common difference in real CRM data.
  other_contact: 6,
  ordinal: 6,
  contact_nickname: 3,
  city_alias: 3,
  street_abbreviation: 2,
};

/** Whether a kind changes anything for this customer, tried on a throwaway copy. */
function applies(kind: PerturbationKind, customer: CompanyProfile, context: PerturbationContext): boolean {
  const trial = applyPerturbations(customer, [kind], { ...context, random: context.random.fork('trial') });
  return trial.perturbations.length > 0;
}

/** A full variant: one to four perturbations, at most one of them corrupting an identifier. */
export function makeVariant(customer: CompanyProfile, context: PerturbationContext): GeneratedVariant {
  const { random } = context;
  const wanted = random.weighted([[1, 30], [2, 35], [3, 25], [4, 10]] as const);
  let candidates = REGULAR_KINDS.filter((kind) => applies(kind, customer, context));
  const chosen: PerturbationKind[] = [];
  while (chosen.length < wanted) {
    candidates = candidates.filter((kind) => !chosen.includes(kind) && compatible(kind, chosen));
    if (candidates.length === 0) break;
    chosen.push(random.weighted(candidates.map((kind) => [kind, SELECTION_WEIGHT[kind] ?? 1] as const)));
  }
  const variant = applyPerturbations(customer, chosen, context);
  // A kind can stop applying once another has run (a typo needs a long word, initials leave a
  // short one); a variant still differs from its customer in at least one named way.
  return variant.perturbations.length > 0 ? variant : applyPerturbations(customer, ['phone_format'], context);
}

/** Re-writings of the name a reader still recognises; a sparse record with a name nearly always has one. */
const SPARSE_NAME_PERTURBATIONS: PerturbationKind[] = ['legal_form_change', 'the_prefix', 'company_typo', 'company_word_order'];

/**
 * Re-writings of the identifier a sparse record keeps, so that its one piece of evidence is
 * written differently from the customer's and only agrees once normalised: another phone
 * layout, street type or ordinal, website form, or a colleague's address on the company domain.
 */
const SPARSE_IDENTIFIER_PERTURBATIONS: Partial<Record<keyof CustomerRecord, PerturbationKind[]>> = {
  phone: ['phone_format'],
  addressLine1: ['street_abbreviation', 'ordinal'],
  website: ['website_format'],
  email: ['other_contact'],
};

/** Shares of sparse variants whose name, and whose identifier, are written differently. */
const SPARSE_NAME_REWRITE_SHARE = 0.8;
const SPARSE_IDENTIFIER_REWRITE_SHARE = 0.7;

/**
 * A colleague's e-mail decides the match only through the company domain, so the customer must
 * show that domain: on its website or its own e-mail. Without a name, the person is the evidence.
 */
function colleagueEmailDecides(customer: CompanyProfile, template: ReadonlyArray<keyof CustomerRecord>): boolean {
  return template.includes('companyName') && (customer.website !== null || customer.emailDomain === customer.domain);
}

function sparseIdentifierOptions(
  customer: CompanyProfile,
  template: ReadonlyArray<keyof CustomerRecord>,
  context: PerturbationContext,
): PerturbationKind[] {
  return template
    .flatMap((field) => SPARSE_IDENTIFIER_PERTURBATIONS[field] ?? [])
    .filter((kind) => kind !== 'other_contact' || colleagueEmailDecides(customer, template))
    .filter((kind) => applies(kind, customer, context));
}

/**
 * A sparse variant: two or three fields that still decide the match, most of them written
 * differently from the customer's (a readable re-writing of the name, of the identifier, or both).
 */
export function makeSparseVariant(customer: CompanyProfile, full: CustomerRecord, context: PerturbationContext): GeneratedVariant {
  const { random } = context;
  const usable = SPARSE_TEMPLATES.filter((template) => template.every((field) => full[field] != null));
  const template = random.pick(usable.length > 0 ? usable : [['companyName', 'phone'] as const]);
  const chosen: PerturbationKind[] = [];
  if (template.includes('companyName') && random.chance(SPARSE_NAME_REWRITE_SHARE)) {
    const options = SPARSE_NAME_PERTURBATIONS.filter((kind) => applies(kind, customer, context));
    if (options.length > 0) chosen.push(random.pick(options));
  } else if (template.includes('contactName') && random.chance(0.6)) {
    const options = [...LIGHT_PERTURBATIONS].filter((kind) => PERTURBED_FIELD[kind as keyof typeof PERTURBED_FIELD] === 'contactName');
    chosen.push(random.pick(options));
  }
  const identifierOptions = sparseIdentifierOptions(customer, template, context);
  if (identifierOptions.length > 0 && random.chance(SPARSE_IDENTIFIER_REWRITE_SHARE)) chosen.push(random.pick(identifierOptions));
  const variant = applyPerturbations(customer, chosen, context);
  return { record: keepOnly(variant.record, template), perturbations: ['sparse', ...variant.perturbations] };
}
