import { describe, expect, it } from 'vitest';
import { binaryCopyHeader, binaryCopyTrailer, binaryCopyTuple } from './copy-binary';

describe('binary COPY encoding', () => {
  it('writes the PGCOPY signature, no flags and an empty header extension', () => {
    expect([...binaryCopyHeader()]).toEqual([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...binaryCopyTrailer()]).toEqual([0xff, 0xff]);
  });

  it('writes the field count, then length and bytes per field; null is length -1', () => {
    const tuple = binaryCopyTuple(['int4', 'text', 'text'], [7, 'Tromsø', null]);
    expect(tuple.readInt16BE(0)).toBe(3);
    expect(tuple.readInt32BE(2)).toBe(4);
    expect(tuple.readInt32BE(6)).toBe(7);
    // UTF-8 bytes, not characters: ø is two bytes.
    expect(tuple.readInt32BE(10)).toBe(7);
    expect(tuple.subarray(14, 21).toString('utf8')).toBe('Tromsø');
    expect(tuple.readInt32BE(21)).toBe(-1);
    expect(tuple.length).toBe(25);
  });

  it("writes a vector as pgvector's binary form: dimensions, a zero, float4 values big-endian", () => {
    const tuple = binaryCopyTuple(['vector'], [[0.5, -1.25, 0]]);
    expect(tuple.readInt32BE(2)).toBe(4 + 3 * 4);
    expect(tuple.readInt16BE(6)).toBe(3);
    expect(tuple.readInt16BE(8)).toBe(0);
    expect([tuple.readFloatBE(10), tuple.readFloatBE(14), tuple.readFloatBE(18)]).toEqual([0.5, -1.25, 0]);
  });
});
