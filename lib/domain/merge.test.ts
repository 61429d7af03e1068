import { describe, expect, it } from 'vitest';
import { blockChoices, blockOfField, defaultBlocks, mergedRecord, mergePatch, mergeRecordOf } from './merge';

const customer = { companyName: 'Falcon Transport', addressLine1: '3367 George Court', addressLine2: null, city: 'Houston', state: 'TX', postalCode: '77002', country: 'US', email: null, phone: null, contactName: null };
const incoming = { companyName: 'Falcon Transport', addressLine1: '18 Main Street', addressLine2: 'Floor 4', city: 'Dallas', state: 'TX', postalCode: '75201', country: 'US', contactName: 'Maria Lopez', email: 'maria@falcon.com', phone: null };

describe('merge by block', () => {
  it('moves a whole address: line 2 never lands beside the other street', () => {
    const merged = mergedRecord(customer, incoming, ['address']);
    expect(merged).toMatchObject({ addressLine1: '18 Main Street', addressLine2: 'Floor 4', city: 'Dallas', postalCode: '75201' });
    expect(mergePatch(customer, incoming, ['address'])).toEqual({ addressLine1: '18 Main Street', addressLine2: 'Floor 4', city: 'Dallas', postalCode: '75201' });
  });

  it('empties a field of the block the incoming record lacks, so the block stays one address', () => {
    const withLine2 = { ...customer, addressLine2: 'Suite 9' };
    const noLine2 = { ...incoming, addressLine2: null };
    expect(mergePatch(withLine2, noLine2, ['address'])).toMatchObject({ addressLine2: null });
  });

  it('takes nothing from a block the incoming record has nothing in', () => {
    expect(mergePatch({ ...customer, website: 'falcon.com' }, { ...incoming, website: null }, ['website'])).toEqual({});
  });

  it('offers only blocks that differ and pre-selects only blocks the customer lacks', () => {
    expect(blockChoices(customer, incoming)).toEqual([
      { block: 'contact', preselected: true },
      { block: 'address', preselected: false },
    ]);
    expect(defaultBlocks(customer, incoming)).toEqual(['contact']);
  });

  it('names the block of a single field, for the API message', () => {
    expect(blockOfField('address_line2')).toBe('address');
    expect(blockOfField('email')).toBe('contact');
    expect(blockOfField('industry')).toBe('industry');
    expect(blockOfField('date_of_birth')).toBeUndefined();
  });

  it('hands a client only the mergeable fields', () => {
    const record = mergeRecordOf({ ...customer, website: 'falcon.com', revenue: 10 } as never);
    expect(Object.keys(record).sort()).toEqual(['addressLine1', 'addressLine2', 'city', 'companyName', 'contactName', 'country', 'description', 'email', 'employeeCount', 'industry', 'phone', 'postalCode', 'revenue', 'state', 'website']);
  });
});
