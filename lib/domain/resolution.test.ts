import { describe, expect, it } from 'vitest';
import { CANDIDATE_DECISIONS, checkTransition, decisionLabel, INCOMING_STATES, isOpen, isResolved, MATCH_DECISIONS, openState, type IncomingState, type MatchDecision } from './resolution';

const subject = (state: IncomingState, candidate: 'open' | 'reject' | 'accept' | 'superseded' = 'open') => ({
  incomingId: 7,
  state,
  candidate: { decision: candidate === 'open' ? null : candidate },
  resolvedBy: 'dana',
  resolvedCustomerId: 42,
});

describe('the resolution state machine', () => {
  it('every state is open, resolved, or neither (pending, matching, error), never two', () => {
    for (const state of INCOMING_STATES) expect(Number(isOpen(state)) + Number(isResolved(state))).toBeLessThanOrEqual(1);
    expect(INCOMING_STATES.filter(isResolved)).toEqual(['linked', 'created', 'dismissed']);
  });

  it('an open record is to review while a candidate is open, else no match: decide', () => {
    expect(openState(2)).toBe('matched');
    expect(openState(0)).toBe('no_match');
  });

  const table: Array<[IncomingState, 'open' | 'reject' | 'accept' | 'superseded', MatchDecision[]]> = [
    ['matched', 'open', ['accept', 'reject', 'merge', 'create_new', 'dismiss']],
    ['matched', 'reject', ['create_new', 'dismiss', 'reopen']],
    ['no_match', 'reject', ['create_new', 'dismiss', 'reopen']],
    ['linked', 'accept', ['reopen']],
    ['linked', 'superseded', ['reopen']],
    ['created', 'superseded', ['reopen']],
    ['dismissed', 'superseded', ['reopen']],
    ['error', 'open', ['dismiss']],
    ['pending', 'open', []],
    ['matching', 'open', []],
  ];
  it.each(table)('%s with a %s candidate allows %j', (state, candidate, allowed) => {
    const granted = MATCH_DECISIONS.filter((decision) => checkTransition(subject(state, candidate), decision).allowed);
    expect(granted).toEqual(allowed);
  });

  it('says who resolved a record and what to do, when a second decision comes too late', () => {
    const check = checkTransition(subject('linked', 'superseded'), 'accept');
    expect(check).toEqual({ allowed: false, reason: 'Incoming #7 was already linked to customer #42 by dana. Change the decision first ("Change decision", or decision "reopen") to decide again.' });
  });
});

describe('decisionLabel', () => {
  it('labels accepted and merged pairs as matches and rejected ones as non-matches; other decisions judge no pair', () => {
    expect(CANDIDATE_DECISIONS.map((decision) => [decision, decisionLabel(decision)])).toEqual([
      ['accept', true],
      ['reject', false],
      ['merge', true],
      ['create_new', null],
      ['dismiss', null],
      ['superseded', null],
    ]);
    expect(decisionLabel(null)).toBeNull();
  });
});
