import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { expectedWrites, rebuildThreshold } from './import-indexes';

describe('expectedWrites', () => {
  it('scales what was written so far by the known rows, or by the bytes still to come', () => {
    expect(expectedWrites({ rowsRead: 500, bytesRead: 100_000, written: 250 }, { rows: 10_000 })).toBe(5_000);
    expect(expectedWrites({ rowsRead: 500, bytesRead: 100_000, written: 500 }, { bytes: 1_000_000 })).toBe(5_000);
    expect(expectedWrites({ rowsRead: 500, bytesRead: 100_000, written: 0 }, { rows: 10_000 })).toBe(0);
    expect(expectedWrites({ rowsRead: 500, bytesRead: 100_000, written: 400 }, {})).toBe(400);
  });
});

describe('rebuildThreshold', () => {
  it('is the larger of the minimum and the share of rows already in the table', () => {
    const config = parseEnv({ IMPORT_INDEX_REBUILD_MIN_ROWS: '1000', IMPORT_INDEX_REBUILD_RATIO: '0.25' });
    expect(rebuildThreshold(0, config)).toBe(1000);
    expect(rebuildThreshold(100_000, config)).toBe(25_000);
  });
});
