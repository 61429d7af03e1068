// The matching model as one value: the comparisons (each level an object with its words, prior and
// role), the candidate channels and what each selects on, and the estimation settings. Everything
// that scores, estimates or explains takes a model; MATCH_MODEL is the product's.
import { addressDetailComparison, countryComparison, localityComparison, streetComparison } from './compare/address-fields';
import { domainComparison, emailComparison, phoneComparison } from './compare/contact-fields';
import { dateOfBirthComparison, identifierComparison } from './compare/identity-fields';
import { companyNameComparison, contactNameComparison, generationComparison, legalFormComparison, personNameComparison } from './compare/name-fields';
import { employeeCountComparison, industryComparison, profileEmbeddingComparison, revenueComparison } from './compare/profile-fields';
import { NULL_LEVEL, type ComparisonLevel, type FieldComparisonDefinition } from './compare/types';

/** The ways a candidate is found (lib/db/queries/candidates.ts, and the evaluation's in-memory index). */
export const CANDIDATE_CHANNELS = ['identifier', 'date_of_birth', 'email', 'phone', 'domain', 'address', 'name_trigram', 'name_embedding', 'profile_embedding', 'linked_record'] as const;
export type CandidateChannel = (typeof CANDIDATE_CHANNELS)[number];

export interface CandidateChannelDefinition {
  name: CandidateChannel;
  /**
   * The comparisons this channel selects pairs on: EM does not estimate their m from its pairs (they agree
   * by construction). null: chosen on everything at once, so no field is free of selection bias there.
   */
  selectsOn: readonly string[] | null;
}

export interface EstimationSettings {
  maxIterations: number;
  /** Stop when no m moves by more than this. */
  tolerance: number;
  /** Pseudo-pairs pulling m towards the starting values: keeps small data sets from extreme estimates. */
  priorStrength: number;
  /** Times u is re-estimated from random pairs weighted by their non-match probability (two settle it). */
  uRefinementRounds: number;
  /** Weight of a level's declared u, in random pairs: a rare field in a small table keeps what it means. */
  uPriorPairs: number;
}

export interface MatchModel {
  /** In the order of the explanation's waterfall. */
  comparisons: readonly FieldComparisonDefinition[];
  channels: readonly CandidateChannelDefinition[];
  /** The comparisons that say who a business is: when one disagrees and none agrees the pair is never exact. */
  identity: readonly string[];
  estimation: EstimationSettings;
}

const NAMES = ['companyName', 'personName', 'contactName'];

export const MATCH_MODEL: MatchModel = {
  comparisons: [
    companyNameComparison,
    legalFormComparison,
    identifierComparison,
    personNameComparison,
    generationComparison,
    dateOfBirthComparison,
    contactNameComparison,
    emailComparison,
    domainComparison,
    phoneComparison,
    streetComparison,
    addressDetailComparison,
    localityComparison,
    countryComparison,
    industryComparison,
    revenueComparison,
    employeeCountComparison,
    profileEmbeddingComparison,
  ],
  channels: [
    { name: 'identifier', selectsOn: ['identifier'] },
    { name: 'date_of_birth', selectsOn: ['dateOfBirth'] },
    { name: 'email', selectsOn: ['email', 'domain'] },
    { name: 'domain', selectsOn: ['email', 'domain'] },
    { name: 'phone', selectsOn: ['phone'] },
    { name: 'address', selectsOn: ['street', 'locality', 'addressDetail', 'country'] },
    { name: 'name_trigram', selectsOn: NAMES },
    { name: 'name_embedding', selectsOn: NAMES },
    { name: 'profile_embedding', selectsOn: null },
    // A source record already linked to the customer matched (on any key): the pair compared is the master's.
    { name: 'linked_record', selectsOn: null },
  ],
  identity: ['companyName', 'contactName'],
  estimation: { maxIterations: 25, tolerance: 1e-4, priorStrength: 10, uRefinementRounds: 2, uPriorPairs: 1000 },
};

/** Lookups over a model, built once per model value. */
interface ModelIndex {
  byField: Map<string, FieldComparisonDefinition>;
  levels: Map<string, Map<string, ComparisonLevel>>;
}

const indexes = new WeakMap<MatchModel, ModelIndex>();

function indexOf(model: MatchModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    index = {
      byField: new Map(model.comparisons.map((definition) => [definition.field, definition])),
      levels: new Map(model.comparisons.map((definition) => [definition.field, new Map(definition.levels.map((level) => [level.name, level]))])),
    };
    indexes.set(model, index);
  }
  return index;
}

export function comparisonOf(model: MatchModel, field: string): FieldComparisonDefinition | undefined {
  return indexOf(model).byField.get(field);
}

/**
 * The level object of a comparison's level code; undefined for the null level (a missing value) and for
 * terms that are not comparisons (competing candidates). A code a comparison does not declare is a bug in
 * that comparison, not something to weigh 0: it throws.
 */
export function levelOf(model: MatchModel, field: string, level: string): ComparisonLevel | undefined {
  const levels = indexOf(model).levels.get(field);
  if (level === NULL_LEVEL || !levels) return undefined;
  const found = levels.get(level);
  if (!found) throw new Error(`comparison "${field}" has no level "${level}" in the model`);
  return found;
}

/** The level names of every comparison, in order (what EM and the parameters are indexed by). */
export function declaredLevels(model: MatchModel): Array<{ field: string; levels: readonly string[] }> {
  return model.comparisons.map((definition) => ({ field: definition.field, levels: definition.levels.map((level) => level.name) }));
}

/** Comparisons whose u is estimated on candidate pairs (summary signals such as the profile embedding). */
export function summaryFields(model: MatchModel): string[] {
  return model.comparisons.filter((definition) => definition.uFromCandidates).map((definition) => definition.field);
}

/** A value derived from a model, computed once per model value (lookups used in hot loops). */
export function perModel<T>(derive: (model: MatchModel) => T): (model: MatchModel) => T {
  const cache = new WeakMap<MatchModel, T>();
  return (model) => {
    if (!cache.has(model)) cache.set(model, derive(model));
    return cache.get(model)!;
  };
}
