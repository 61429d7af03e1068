import { describe, expect, it } from 'vitest';
import { entityConflictMessage, findEntityConflict, type EntityMember } from './entity-conflict';

const customer = (record: EntityMember['record'], id = 5): EntityMember => ({ kind: 'customer', id, record });
const linked = (record: EntityMember['record'], id: number): EntityMember => ({ kind: 'linked_record', id, record });

describe('findEntityConflict', () => {
  it('names the conflicting field and both values: dates of birth, documents of one kind, given names, Jr / Sr', () => {
    expect(findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1991-09-30' }, [customer({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' })])).toEqual({
      conflict: 'dateOfBirth', field: 'date_of_birth', with: { kind: 'customer', id: 5 }, incomingValue: '1991-09-30', otherValue: '1980-04-12',
    });
    expect(findEntityConflict({ companyName: 'Acme', identifiers: [{ type: 'passport', value: 'X1234567' }] }, [customer({ companyName: 'Acme', identifiers: [{ type: 'Passport', value: 'Y7654321' }] })])).toMatchObject({
      field: 'identifiers', incomingValue: 'passport X1234567', otherValue: 'passport Y7654321',
    });
    expect(findEntityConflict({ contactName: 'Maria Lopez' }, [customer({ contactName: 'Carlos Lopez' })])).toMatchObject({ conflict: 'givenName', field: 'contact_name' });
    expect(findEntityConflict({ contactName: 'John Smith Jr' }, [customer({ contactName: 'John Smith Sr' })])).toMatchObject({ conflict: 'generation', field: 'contact_name' });
  });

  it('finds nothing for records that can be one: a typo in the date, a company whose contact changed, missing values', () => {
    expect(findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-21' }, [customer({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' })])).toBeNull();
    expect(findEntityConflict({ companyName: 'Acme', contactName: 'Maria Lopez' }, [customer({ companyName: 'Acme', contactName: 'Carlos Lopez' })])).toBeNull();
    expect(findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' }, [customer({ contactName: 'Maria Garcia' })])).toBeNull();
  });

  it('checks the records already linked to the customer, not only its master record', () => {
    const members = [customer({ contactName: 'Maria Garcia' }), linked({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' }, 8)];
    expect(findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1991-09-30' }, members)).toMatchObject({ with: { kind: 'linked_record', id: 8 } });
  });
});

describe('entityConflictMessage', () => {
  it('says which field conflicts with which record and what to do', () => {
    const onMaster = findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1991-09-30' }, [customer({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' })])!;
    expect(entityConflictMessage(12, 5, onMaster)).toBe(
      'Incoming #12 cannot be linked to customer #5: they have different dates of birth (date_of_birth: 1991-09-30 here, 1980-04-12 on the customer). Create it as a new customer instead, or correct the wrong date of birth first and decide again.',
    );
    const onLinked = findEntityConflict({ contactName: 'Maria Garcia', dateOfBirth: '1991-09-30' }, [linked({ contactName: 'Maria Garcia', dateOfBirth: '1980-04-12' }, 8)])!;
    expect(entityConflictMessage(12, 5, onLinked)).toBe(
      'Incoming #12 cannot be linked to customer #5: it and incoming #8, already linked to that customer, have different dates of birth (date_of_birth: 1991-09-30 here, 1980-04-12 there). Create it as a new customer instead, or, if incoming #8 was linked by mistake, change that decision first.',
    );
  });
});
