import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each<[string, string, string, string, boolean]>([
    ['  John.Smith@Acme.com ', 'john.smith@acme.com', 'john.smith', 'acme.com', false],
    ['"Jay Jones" <JJones@acme.com>', 'jjones@acme.com', 'jjones', 'acme.com', false],
    ['bob@mail.acme.co.uk', 'bob@mail.acme.co.uk', 'bob', 'acme.co.uk', false],
    ['someone@gmail.com', 'someone@gmail.com', 'someone', 'gmail.com', true],
    ['someone@yahoo.co.uk', 'someone@yahoo.co.uk', 'someone', 'yahoo.co.uk', true],
    ['x@outlook.fr', 'x@outlook.fr', 'x', 'outlook.fr', true],
    ['mailto:info@acme.io', 'info@acme.io', 'info', 'acme.io', false],
  ])('%s', (raw, address, local, domain, isFreeMail) => {
    expect(normalizeEmail(raw)).toMatchObject({ address, local, domain, isFreeMail });
  });

  it.each<[string, boolean]>([
    ['info@acme.io', true],
    ['Sales@Acme.com', true],
    ['"Front desk" <office@acme.com>', true],
    ['information@acme.io', false],
    ['info+uk@acme.io', true],
    ['no-reply@acme.io', true],
    ['john.smith@acme.com', false],
  ])('marks role mailboxes: %s', (raw, isRole) => {
    expect(normalizeEmail(raw)?.isRole).toBe(isRole);
  });

  it.each([[null], [''], ['not an email'], ['@acme.com'], ['bob@']])('rejects %s', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});
