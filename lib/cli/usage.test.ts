import { describe, expect, it } from 'vitest';
import { leadingComment } from './usage';

describe('leadingComment', () => {
  it('takes the opening comment block only, without the markers', () => {
    const source = '// Does a thing.\n//\n//   npx tsx x.ts --flag\nimport a from "a";\n// later comment';
    expect(leadingComment(source)).toBe('Does a thing.\n\n  npx tsx x.ts --flag');
  });
  it('is empty for a file that does not open with a comment', () => {
    expect(leadingComment('import a from "a";\n// x')).toBe('');
  });
});
