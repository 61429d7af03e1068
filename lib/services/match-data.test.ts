import { describe, expect, it } from 'vitest';
import { dateOfBirthKeys, deriveMatchKeys } from './match-data';

describe('dateOfBirthKeys', () => {
  it('keys a full date, and both readings of an ambiguous one', () => {
    expect(dateOfBirthKeys({ dateOfBirth: '1978-12-28' })).toEqual(['dob:1978-12-28']);
    expect(dateOfBirthKeys({ dateOfBirth: '12/11/1978' }).sort()).toEqual(['dob:1978-11-12', 'dob:1978-12-11']);
    expect(dateOfBirthKeys({ dateOfBirth: '1978' })).toEqual([]);
    expect(dateOfBirthKeys({})).toEqual([]);
  });

  it('stores them beside identifier keys', () => {
    const keys = deriveMatchKeys({ contactName: 'Jie Wang', dateOfBirth: '1993-09-14', identifiers: [{ type: 'passport', value: 'x123', country: 'US' }] });
    expect(keys.identifierKeys).toEqual(expect.arrayContaining(['dob:1993-09-14']));
    expect(keys.identifierKeys!.some((key) => key.startsWith('passport:'))).toBe(true);
  });
});
