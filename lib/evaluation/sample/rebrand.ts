// A customer under a new company name: the same business at the same premises (street line, suite,
// city, postal code, phone, website), usually with the same contact person and figures. A true match
// that shares with its customer what another business at the same premises shares, and its people too.
import type { CompanyFactory, CompanyProfile } from './company';
import { coreName, domainLabels, renderCompanyName } from './company-name';
import { workLocalPart } from './people';
import { PROFILE_PERTURBATIONS, renderDraft, startDraft, type PerturbationContext, type VariantDraft } from './perturb-profile';
import { PERTURBATION_KINDS, type PerturbationKind } from './perturbation-kinds';
import type { Random } from './random';
import type { GeneratedVariant } from './variants';

/**
 * A new name mostly keeps the legal entity's form; a few people leave with the old name, some
 * mailboxes move to the new name's domain, and figures may be a year apart.
 */
const REBRAND_SHARES = { legalFormKept: 0.7, otherContact: 0.15, emailMoved: 0.3, emailToNewDomain: 0.6, figuresUpdated: 0.5 } as const;

function rename(draft: VariantDraft, factory: CompanyFactory, random: Random): void {
  const { profile } = draft;
  const oldCore = coreName(profile.name);
  const name = factory.nameUnlike(profile.name, profile.industry, profile.country);
  const withOldForm = { ...name, legalForm: profile.name.legalForm };
  const keepForm = random.chance(REBRAND_SHARES.legalFormKept) && !factory.registry.names.has(renderCompanyName(withOldForm).toLowerCase());
  profile.name = keepForm ? withOldForm : name;
  factory.registry.names.add(renderCompanyName(profile.name).toLowerCase());
  // The description says what the business does, under its current name.
  if (profile.description) profile.description = profile.description.replace(oldCore, coreName(profile.name));
}

/** The contact's e-mail on the new name's domain, or another mailbox name on the old one; a free-mail address stays. */
function moveEmail({ profile }: VariantDraft, factory: CompanyFactory, random: Random): boolean {
  if (profile.emailDomain !== profile.domain) return false;
  if (profile.contact === null || random.chance(REBRAND_SHARES.emailToNewDomain)) {
    profile.emailDomain = factory.registry.claimDomain(domainLabels(profile.name), profile.country, random);
    return true;
  }
  const before = profile.emailLocalPart;
  for (let attempt = 0; attempt < 5 && profile.emailLocalPart === before; attempt += 1) {
    profile.emailLocalPart = workLocalPart(profile.contact, random);
  }
  return profile.emailLocalPart !== before;
}

const canonicalOrder = (a: PerturbationKind, b: PerturbationKind) => PERTURBATION_KINDS.indexOf(a) - PERTURBATION_KINDS.indexOf(b);

/** The customer renamed; what else changed with the name is listed beside 'rebrand'. */
export function makeRebrand(customer: CompanyProfile, factory: CompanyFactory, context: PerturbationContext): GeneratedVariant {
  const { random } = context;
  const draft = startDraft(customer);
  rename(draft, factory, random);
  const applied: PerturbationKind[] = ['rebrand'];
  if (random.chance(REBRAND_SHARES.otherContact) && PROFILE_PERTURBATIONS.other_contact?.(draft, context)) applied.push('other_contact');
  else if (random.chance(REBRAND_SHARES.emailMoved) && moveEmail(draft, factory, random)) applied.push('rebrand_email');
  if (random.chance(REBRAND_SHARES.figuresUpdated) && PROFILE_PERTURBATIONS.figures_updated?.(draft, context)) applied.push('figures_updated');
  return { record: renderDraft(draft), perturbations: applied.sort(canonicalOrder) };
}
