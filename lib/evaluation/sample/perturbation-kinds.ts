// The named ways an incoming record can differ from the customer it belongs to, and which field
// each one touches (so a sparse record only gets perturbations on the fields it still has).
import type { CustomerRecord } from '@/lib/matching/types';

export const PERTURBATION_KINDS = [
  'legal_form_change',
  'the_prefix',
  'company_word_order',
  'company_typo',
  'case_change',
  'contact_initials',
  'contact_nickname',
  'contact_name_order',
  'contact_typo',
  'other_contact',
  'street_abbreviation',
  'ordinal',
  'street_typo',
  'city_alias',
  'country_format',
  'email_domain_change',
  'email_typo',
  'phone_format',
  'phone_digit_typo',
  'website_format',
  'figures_updated',
  'missing_fields',
  'sparse',
  'rebrand',
  'rebrand_email',
] as const;
export type PerturbationKind = (typeof PERTURBATION_KINDS)[number];

/** The field a perturbation changes; missing_fields and sparse remove fields instead, a rebrand renames. */
export const PERTURBED_FIELD: Record<Exclude<PerturbationKind, 'missing_fields' | 'sparse'>, keyof CustomerRecord> = {
  legal_form_change: 'companyName',
  the_prefix: 'companyName',
  company_word_order: 'companyName',
  company_typo: 'companyName',
  case_change: 'companyName',
  contact_initials: 'contactName',
  contact_nickname: 'contactName',
  contact_name_order: 'contactName',
  contact_typo: 'contactName',
  other_contact: 'contactName',
  street_abbreviation: 'addressLine1',
  ordinal: 'addressLine1',
  street_typo: 'addressLine1',
  city_alias: 'city',
  country_format: 'country',
  email_domain_change: 'email',
  email_typo: 'email',
  phone_format: 'phone',
  phone_digit_typo: 'phone',
  website_format: 'website',
  figures_updated: 'revenue',
  rebrand: 'companyName',
  rebrand_email: 'email',
};

/** Kinds of the planned variant forms (sparse, rebrand), never drawn for a full variant. */
export const PLANNED_PERTURBATIONS: ReadonlySet<PerturbationKind> = new Set(['sparse', 'rebrand', 'rebrand_email']);

/**
 * Changes that corrupt an identifier rather than re-write it. A variant gets at most one, so at
 * least one identifier still agrees exactly and a careful reader can decide the pair.
 */
export const IDENTIFIER_CORRUPTIONS: ReadonlySet<PerturbationKind> = new Set([
  'email_domain_change',
  'email_typo',
  'phone_digit_typo',
  'other_contact',
]);

/** Fields that identify one company on their own (with the name), as opposed to describing it. */
export const IDENTIFYING_FIELDS = ['email', 'phone', 'addressLine1', 'website'] as const;

/** Re-writings that keep the value readable: the only ones a sparse record gets. */
export const LIGHT_PERTURBATIONS: ReadonlySet<PerturbationKind> = new Set([
  'legal_form_change',
  'the_prefix',
  'case_change',
  'contact_initials',
  'contact_nickname',
  'contact_name_order',
  'street_abbreviation',
  'ordinal',
  'city_alias',
  'phone_format',
]);
