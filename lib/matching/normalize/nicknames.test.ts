import { describe, expect, it } from 'vitest';
import { formalGivenName } from './nicknames';

describe('formalGivenName', () => {
  it.each([
    ['bob', 'robert'], ['bill', 'william'], ['liz', 'elizabeth'], ['peggy', 'margaret'],
    ['robert', 'robert'], ['zxq', 'zxq'],
  ])('%s → %s', (nickname, formal) => expect(formalGivenName(nickname)).toBe(formal));
});
