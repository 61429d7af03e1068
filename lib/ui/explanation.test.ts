import { describe, expect, it } from 'vitest';
import { levelLabel } from '../matching/level-labels';
import { MATCH_MODEL } from '../matching/model';
import { criteriaField, matchCriteriaOf, type FieldFixture } from '../schemas/explanation.test-helpers';
import { probabilityFromWeight } from './waterfall';
import { contradictingFields, exactHoldNote, leadingConcern, leadingReason, readExplanation, levelWords, reasonsAgainst, reasonsFor, reasonText, fieldNote } from './explanation';

const stored = {
  version: 1,
  parameters_version: 'em-generated-seed1',
  prior_weight: -10,
  match_weight: 8.5,
  match_probability: probabilityFromWeight(8.5),
  confidence_band: 'exact',
  exact_hold: null,
  candidate_channels: ['email', 'name_trigram'],
  embedding_similarity: { company_name: 0.91, full_profile: null },
  fields: [
    { field: 'companyName', level: 'fuzzy', weight: 4, incoming: 'Acme Corp', candidate: 'Acme Corporation', m: 0.5, u: 0.03 },
    { field: 'email', level: 'exact', weight: 12, incoming: 'a@acme.com', candidate: 'a@acme.com', m: 0.9, u: 0.0002 },
    { field: 'phone', level: 'null', weight: 0, incoming: null, candidate: '+1555', m: null, u: null },
    { field: 'city', level: 'different', weight: -2.5, incoming: 'Boston', candidate: 'New York', m: 0.1, u: 0.6 },
    { field: 'postal_code', level: 'exact', weight: 5, incoming: '10001', candidate: '10001', m: 0.8, u: 0.02 },
  ],
};

describe('readExplanation', () => {
  it('reads the stored shape and rejects anything else', () => {
    expect(readExplanation(stored)?.fields).toHaveLength(5);
    expect(readExplanation({ score: 1 })).toBeNull();
    expect(readExplanation(null)).toBeNull();
  });
  it('reads results stored before exact_hold was recorded, and channel names of their time', () => {
    const older: Record<string, unknown> = { ...stored, candidate_channels: ['trigram', 'profileEmbedding'] };
    delete older.exact_hold;
    const read = readExplanation(older);
    expect(read?.candidate_channels).toEqual(['trigram', 'profileEmbedding']);
    expect(read && 'exact_hold' in read).toBe(false);
  });
  it('degrades to null on a row the writer could not have written, so the page shows the match without it', () => {
    expect(readExplanation({ ...stored, score: 1 })).toBeNull();
    expect(readExplanation({ ...stored, fields: [{ ...stored.fields[0], note: 'x' }] })).toBeNull();
    expect(readExplanation({ ...stored, fields: [{ field: 'email', level: 'exact', weight: 12 }] })).toBeNull();
  });
});

describe('reasonsFor and reasonsAgainst', () => {
  it('lists the evidence for by weight, and skips fields that contributed nothing', () => {
    expect(reasonsFor(readExplanation(stored)!).map((reason) => reason.field)).toEqual(['email', 'postal_code', 'companyName']);
    expect(reasonsFor(readExplanation(stored)!, 10).map((reason) => reason.field)).not.toContain('phone');
  });
  it('keeps negative evidence apart: never among the reasons for, first among those against', () => {
    expect(reasonsFor(readExplanation(stored)!, 10).map((reason) => reason.field)).not.toContain('city');
    expect(reasonsAgainst(readExplanation(stored)!)).toEqual([expect.objectContaining({ field: 'city', weight: -2.5 })]);
  });
  it('leads an exact match with its strongest agreement, even when a field pulled it down more', () => {
    const explanation = matchCriteriaOf({
      prior_weight: -12,
      match_weight: 20,
      match_probability: 1,
      confidence_band: 'exact',
      fields: [
        { field: 'street', level: 'else', weight: -11.8 },
        { field: 'email', level: 'exact', weight: 11.5 },
        { field: 'phone', level: 'exact', weight: 9.1 },
      ],
    });
    expect(leadingReason(explanation)).toBe('Email: same address after normalising (+11.5)');
    expect(leadingConcern(explanation)).toMatch(/^Street address: .* \(−11\.8\)$/);
    expect(leadingConcern(explanation)).not.toContain('else');
  });
});

describe('exactHoldNote', () => {
  const base = { prior_weight: -4, match_weight: 12, match_probability: 0.9998 };
  it('names the contradicting fields, or says that only the names agree, or says nothing', () => {
    const contradicted = readExplanation(matchCriteriaOf({ ...base, exact_hold: 'contradiction', fields: [{ field: 'identifier', level: 'conflict', weight: -3.3, contradicts: true }] }))!;
    expect(exactHoldNote(contradicted)).toMatch(/^Registration or document number contradicts the match: .*never in the exact band/);
    // A contradicting field of a pair whose probability did not reach the exact band held nothing back.
    expect(exactHoldNote({ ...contradicted, exact_hold: null })).toBeNull();
    // Stored before exact_hold was recorded: the contradicting field says it.
    expect(exactHoldNote({ ...contradicted, exact_hold: undefined })).toMatch(/^Registration or document number contradicts the match/);
    const uncorroborated = readExplanation(matchCriteriaOf({ ...base, exact_hold: 'uncorroborated', fields: [{ field: 'personName', level: 'exact', weight: 6.9 }] }))!;
    expect(exactHoldNote(uncorroborated)).toMatch(/^Nothing beyond the names confirms who this is: no birth date, document, email address, phone number, street address or website agrees/);
    expect(exactHoldNote({ ...uncorroborated, exact_hold: null })).toBeNull();
    // Results stored before exact_hold was recorded: read as before.
    expect(exactHoldNote(readExplanation(matchCriteriaOf({ ...base, fields: [{ field: 'street', level: 'exact', weight: 5 }] }))!)).toBeNull();
    expect(readExplanation({ ...matchCriteriaOf({ ...base, fields: [] }), exact_hold: 'maybe' })).toBeNull();
  });
});

describe('contradictingFields', () => {
  it('lists the fields marked as contradicting the match, in stored order', () => {
    const explanation = readExplanation(matchCriteriaOf({
      prior_weight: -4,
      match_weight: 30,
      match_probability: 1,
      fields: [
        { field: 'companyName', level: 'exact', weight: 9.5 },
        { field: 'identifier', level: 'conflict', weight: -3.3, contradicts: true },
        { field: 'street', level: 'exact', weight: 9.8 },
      ],
    }))!;
    expect(contradictingFields(explanation)).toEqual(['identifier']);
    expect(contradictingFields({ ...explanation, fields: explanation.fields.filter((field) => !field.contradicts) })).toEqual([]);
    // The queue row leads with the strongest agreement and names the contradiction apart, first among the concerns.
    expect(leadingReason(explanation)).toBe('Street address: same street address (+9.8)');
    expect(leadingConcern(explanation)).toBe('Registration or document number: different numbers of the same kind (−3.3), contradicts the match');
    expect(leadingConcern({ ...explanation, fields: explanation.fields.filter((field) => !field.contradicts) })).toBeNull();
    expect(leadingReason({ ...explanation, fields: [] })).toBeNull();
    // With m = u a contradiction weighs nothing, and it is still the reason the band is capped.
    const weightless = { ...explanation, fields: explanation.fields.map((field) => (field.contradicts ? { ...field, weight: 0 } : field)) };
    expect(leadingConcern(weightless)).toBe('Registration or document number: different numbers of the same kind (0.0), contradicts the match');
  });
});

describe('fieldNote', () => {
  const field = (extra: Partial<FieldFixture>) => criteriaField({ field: 'email', level: 'exact', weight: 0, ...extra });
  it('says why an exact agreement weighs nothing when its group already counted', () => {
    expect(fieldNote(field({ limited_by: 'evidenceGroup', evidence_group: 'contact', unlimited_weight: 8.25 }))).toBe(
      'counted once with related evidence (contact) (alone +8.3)',
    );
  });
  it('names a cap with the uncapped weight', () => {
    expect(fieldNote(field({ field: 'profile_embedding', level: 'cosine90', weight: 3, limited_by: 'cap', unlimited_weight: 6.5 }))).toBe(
      'held to its cap: a summary signal must not outvote the fields it sums up (alone +6.5)',
    );
  });
  it('says a different generation ruled the pair out, with its own weight', () => {
    expect(fieldNote(criteriaField({ field: 'generation', level: 'different', weight: -21.3, contradicts: true, limited_by: 'rulesOut', unlimited_weight: -4.8 }))).toBe(
      'rules the pair out: two generations are two people, whatever else they share (alone −4.8)',
    );
  });
  it('names the candidates a match competes with', () => {
    expect(fieldNote(criteriaField({ field: 'competingCandidates', level: 'conflicting', weight: -6.2, candidate: '#15 Quillfeather Trading' }))).toBe(
      'other candidates it cannot be at the same time: #15 Quillfeather Trading',
    );
  });
  it('explains the null level, and says nothing for an ordinary level', () => {
    expect(fieldNote(field({ level: 'null' }))).toBe('missing on one side: no evidence either way');
    expect(fieldNote(criteriaField({ field: 'generation', level: 'different', weight: -4.8, contradicts: true }))).toBe('contradicts the match: never in the exact band, whatever the total');
    expect(fieldNote(field({ weight: 9.1 }))).toBeUndefined();
  });
  it('names what an agreement was counted once with: the field that implies it, or the fields of its group that kept their weight', () => {
    const street = criteriaField({ field: 'street', level: 'exact', weight: 9.8 });
    const locality = criteriaField({ field: 'locality', level: 'postalAndCity', weight: 4.2 });
    const country = criteriaField({ field: 'country', level: 'same', weight: 0, limited_by: 'evidenceGroup', unlimited_weight: 1.3 });
    const domain = criteriaField({ field: 'domain', level: 'exact', weight: 11.5 });
    const email = criteriaField({ field: 'email', level: 'exact', weight: 0, limited_by: 'evidenceGroup', evidence_group: 'contactPoint', unlimited_weight: 10.4 });
    expect(fieldNote(country, [street, locality, country])).toBe('counted once with the city, state and postal code, which implies it (alone +1.3)');
    expect(fieldNote(email, [domain, email])).toBe('counted once with the web domain: same premises or contact point (alone +10.4)');
    expect(fieldNote(email, [domain, street, email])).toBe('counted once with web domain and street address: same premises or contact point (alone +10.4)');
    const phone = criteriaField({ field: 'phone', level: 'different', weight: 0, limited_by: 'evidenceGroup', evidence_group: 'contactPoint', unlimited_weight: -3 });
    const movedStreet = criteriaField({ field: 'street', level: 'else', weight: -5 });
    expect(fieldNote(phone, [movedStreet, phone])).toBe('counted once with the street address: one move changes them together (alone −3.0)');
  });
});

describe('level words', () => {
  it('every level of the model reads in words on every screen, never as its code', () => {
    for (const comparison of MATCH_MODEL.comparisons) {
      for (const level of comparison.levels) {
        const { label } = levelLabel(comparison.field, level.name);
        expect(label, `${comparison.field}.${level.name}`).not.toBe(level.name);
        expect(label, `${comparison.field}.${level.name}`).toMatch(/\s/);
        expect(reasonText({ field: comparison.field, level: level.name, weight: 1 })).toContain(label);
      }
    }
  });
});

describe('levelWords', () => {
  it('reads a level an earlier model stored as a phrase, not as its code', () => {
    expect(levelWords('companyName', 'jw80old')).toEqual({ label: 'compared by an earlier version of the model', kind: 'close' });
    expect(levelWords('companyName', 'jw95').label).toBe('nearly the same name (a typing error or two)');
  });
});
