// Messages shared by the review actions (a 'use server' module may export only async functions).
export const STALE_MATCH_MESSAGE = 'This match was changed by someone else since you opened it — reload to see the current state. Your notes are kept below.';
