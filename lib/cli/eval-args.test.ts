import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCommand, loadRequestedDataset, parseLabelCounts, type EvalOptions } from './eval-args';

function parse(argv: string[]): EvalOptions {
  const command = evalCommand().exitOverride().configureOutput({ writeErr: () => {} });
  return command.parse(argv, { from: 'user' }).opts<EvalOptions>();
}

/** A two-person Febrl 4 folder in the files' own layout (header with spaces after the commas). */
function febrl4Folder(): string {
  const datasetsDir = mkdtempSync(path.join(tmpdir(), 'eval-args-'));
  const dir = path.join(datasetsDir, 'febrl4');
  mkdirSync(dir);
  const header = 'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';
  writeFileSync(path.join(dir, 'dataset4a.csv'), `${header}\nrec-1-org, ann, lee, 8, stanley street, , miami, 4223, nsw, 19151111, 5304218\n`);
  writeFileSync(path.join(dir, 'dataset4b.csv'), `${header}\nrec-1-dup-0, anne, lee, 8, stanley st, , miami, 4223, nsw, 19151111, 5304218\n`);
  return datasetsDir;
}

describe('npm run eval options', () => {
  it('--with-identifiers reaches the Febrl 4 loader: date of birth and social security number are mapped', async () => {
    const datasetsDir = febrl4Folder();
    const withIds = await loadRequestedDataset(parse(['--dataset', 'febrl4', '--datasets-dir', datasetsDir, '--with-identifiers']));
    expect(withIds.name).toBe('febrl4-with-identifiers');
    expect(withIds.customers[0]).toMatchObject({ dateOfBirth: '19151111', identifiers: [{ type: 'social security', value: '5304218', country: 'AU' }] });
    expect(withIds.incoming[0].dateOfBirth).toBe('19151111');

    const without = await loadRequestedDataset(parse(['--dataset', 'febrl4', '--datasets-dir', datasetsDir]));
    expect(without.name).toBe('febrl4');
    expect(without.customers[0].dateOfBirth).toBeUndefined();
    expect(without.customers[0].identifiers).toBeUndefined();
  });

  it('reads label counts ascending and without repeats, with a seed and an order', () => {
    expect(parse(['--dataset', 'senzing-demo', '--labels', '100,0,25,25'])).toMatchObject({ labels: [0, 25, 100], labelSeed: 17, labelOrder: 'random' });
    expect(parse(['--dataset', 'x', '--labels', '0,400', '--label-seed', '3', '--label-order', 'uncertain'])).toMatchObject({ labels: [0, 400], labelSeed: 3, labelOrder: 'uncertain' });
    expect(parse(['--dataset', 'x']).labels).toBeUndefined();
    expect(() => parse(['--dataset', 'x', '--label-order', 'best'])).toThrow();
  });

  it.each(['', 'a,b', '-1', '1.5', '25;100'])('refuses label counts "%s"', (value) => {
    expect(() => parseLabelCounts(value)).toThrow(/label counts/);
  });
});
