// One resolution per incoming record: its states, the decisions a steward can take, and which decision
// each state allows. Pure: lib/services/resolution.ts applies a transition in one transaction.

/** Where an incoming record is. Open states are the review backlog; resolved states are read-only until reopened. */
export const INCOMING_STATES = ['pending', 'matching', 'matched', 'no_match', 'linked', 'created', 'dismissed', 'error'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];

export const OPEN_STATES = ['matched', 'no_match'] as const satisfies readonly IncomingState[];
export const RESOLVED_STATES = ['linked', 'created', 'dismissed'] as const satisfies readonly IncomingState[];
export type ResolvedState = (typeof RESOLVED_STATES)[number];

export const STATE_LABELS: Record<IncomingState, string> = {
  pending: 'Waiting to be matched',
  matching: 'Being matched',
  matched: 'To review',
  no_match: 'No match: decide',
  linked: 'Linked to a customer',
  created: 'Created as a new customer',
  dismissed: 'Dismissed',
  error: 'Matching failed',
};

/**
 * How a candidate (one matching_results row) was closed. The first five are a steward's; `superseded` is
 * what closes the other open candidates when one decision resolves the record.
 */
export const CANDIDATE_DECISIONS = ['accept', 'reject', 'merge', 'create_new', 'dismiss', 'superseded'] as const;
export type CandidateDecision = (typeof CANDIDATE_DECISIONS)[number];

/**
 * Candidate decisions that are labels for estimation: accept and merge say the pair is one customer,
 * reject says it is not. The others close a candidate without judging that pair (the record was
 * created, dismissed or resolved through another candidate).
 */
export const LABELLING_DECISIONS = { accept: true, merge: true, reject: false } as const satisfies Partial<Record<CandidateDecision, boolean>>;

/** The label a candidate decision gives its pair: true = a match, false = not, null = no label. */
export function decisionLabel(decision: CandidateDecision | null): boolean | null {
  return decision !== null && decision in LABELLING_DECISIONS ? LABELLING_DECISIONS[decision as keyof typeof LABELLING_DECISIONS] : null;
}

/** What a steward can send about one candidate. */
export const MATCH_DECISIONS = ['accept', 'reject', 'merge', 'create_new', 'dismiss', 'reopen'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];

/** What a steward can send about the record itself (also when it has no candidate). */
export const RECORD_DECISIONS = ['create_new', 'dismiss', 'reopen'] as const;
export type RecordDecision = (typeof RECORD_DECISIONS)[number];

/** Decisions that resolve the record, and the state each leads to. */
export const RESOLVING: Record<'accept' | 'merge' | 'create_new' | 'dismiss', ResolvedState> = {
  accept: 'linked',
  merge: 'linked',
  create_new: 'created',
  dismiss: 'dismissed',
};

export const CANDIDATE_DECISION_LABELS: Record<CandidateDecision, string> = {
  accept: 'Accepted',
  reject: 'Rejected',
  merge: 'Merged',
  create_new: 'Created as new customer instead',
  dismiss: 'Record dismissed',
  superseded: 'Closed: the record was resolved otherwise',
};

export function isResolved(state: IncomingState): state is ResolvedState {
  return (RESOLVED_STATES as readonly string[]).includes(state);
}

export function isOpen(state: IncomingState): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/** An unresolved, matched record is "to review" while a candidate is open, else "no match: decide". */
export function openState(openCandidates: number): 'matched' | 'no_match' {
  return openCandidates > 0 ? 'matched' : 'no_match';
}

/** Record-level decisions each state allows; candidate decisions also need the candidate open. */
const ALLOWED: Record<IncomingState, readonly MatchDecision[]> = {
  pending: [],
  matching: [],
  error: ['dismiss'],
  matched: ['accept', 'merge', 'reject', 'create_new', 'dismiss', 'reopen'],
  no_match: ['create_new', 'dismiss', 'reopen'],
  linked: ['reopen'],
  created: ['reopen'],
  dismissed: ['reopen'],
};

export interface TransitionSubject {
  incomingId: number;
  state: IncomingState;
  /** Present when the decision names a candidate: its current decision (null = open). */
  candidate?: { decision: CandidateDecision | null };
  /** For messages: who resolved the record, and how. */
  resolvedBy?: string | null;
  resolvedCustomerId?: number | null;
}

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

function resolvedText(subject: TransitionSubject): string {
  const how =
    subject.state === 'linked'
      ? `linked to customer #${subject.resolvedCustomerId ?? '?'}`
      : subject.state === 'created'
        ? `created as new customer #${subject.resolvedCustomerId ?? '?'}`
        : 'dismissed';
  return `Incoming #${subject.incomingId} was already ${how}${subject.resolvedBy ? ` by ${subject.resolvedBy}` : ''}`;
}

function notYet(subject: TransitionSubject): string {
  if (subject.state === 'error') return `Incoming #${subject.incomingId} failed to match; match it again (npm run match -- --pending --retry-failed) or dismiss it.`;
  if (subject.state === 'no_match') return `Incoming #${subject.incomingId} has no open candidate; create it as a new customer or dismiss it.`;
  return `Incoming #${subject.incomingId} has not been matched yet (${STATE_LABELS[subject.state].toLowerCase()}); wait for matching or run it now.`;
}

/** Whether `decision` may be applied now, and if not, a message that says what happened and what to do. */
export function checkTransition(subject: TransitionSubject, decision: MatchDecision): TransitionCheck {
  const refuse = (reason: string): TransitionCheck => ({ allowed: false, reason });
  if (decision === 'reopen') {
    if (isResolved(subject.state)) return { allowed: true };
    if (subject.candidate?.decision === 'reject' && isOpen(subject.state)) return { allowed: true };
    return refuse(`Incoming #${subject.incomingId} has no decision to change: it is ${STATE_LABELS[subject.state].toLowerCase()}.`);
  }
  if (isResolved(subject.state)) return refuse(`${resolvedText(subject)}. Change the decision first ("Change decision", or decision "reopen") to decide again.`);
  const needsOpenCandidate = decision === 'accept' || decision === 'merge' || decision === 'reject';
  if (needsOpenCandidate && subject.candidate?.decision) {
    const undo = subject.candidate.decision === 'reject' ? 'undo that first ("Undo rejection", or decision "reopen") to decide it again' : 'decide on the record instead';
    return refuse(`This candidate was already ${CANDIDATE_DECISION_LABELS[subject.candidate.decision].toLowerCase()}; ${undo}.`);
  }
  if (!ALLOWED[subject.state].includes(decision)) return refuse(notYet(subject));
  return { allowed: true };
}
