import { describe, expect, it } from 'vitest';
import { parseBicep, stripComments, topLevelKeys } from './bicep-reader';

describe('bicep-reader', () => {
  const source = `// header
@secure()
@description('a // not a comment')
param password string
param size int = 3 // trailing

var list = concat(
  [{ name: 'A', value: 'x' }],
  flag ? [] : []
)

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv'
}

module m 'modules/m.bicep' = {
  name: 'm'
  params: { a: 1, b: { c: 2 } }
}

output url string = 'https://\${kv.name}/'
`;
  const file = parseBicep(source);

  it('reads params with their decorators and defaults', () => {
    expect(file.params).toEqual([
      { name: 'password', type: 'string', hasDefault: false, decorators: ['@secure()', "@description('a // not a comment')"] },
      { name: 'size', type: 'int', hasDefault: true, decorators: [] },
    ]);
  });

  it('reads multi-line values up to the closing bracket', () => {
    expect(file.vars.get('list')).toMatch(/^concat\(\n {2}\[\{ name: 'A', value: 'x' \}\],\n {2}flag \? \[\] : \[\]\n\)$/);
  });

  it('reads resources, modules and outputs', () => {
    expect(file.resources).toEqual([{ symbol: 'kv', type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', existing: true, body: "{\n  name: 'kv'\n}" }]);
    expect(file.modules.map((module) => [module.symbol, module.path])).toEqual([['m', 'modules/m.bicep']]);
    expect(file.outputs).toEqual([{ name: 'url', type: 'string', value: "'https://${kv.name}/'" }]);
  });

  it('lists only an object literal\'s own keys', () => {
    expect(topLevelKeys("{ a: 1, b: { c: 2 }, 'quoted-key': [ { d: 3 } ]\n e: 'f: g' }")).toEqual(['a', 'b', 'quoted-key', 'e']);
  });

  it('keeps comment markers inside strings', () => {
    expect(stripComments("x = 'https://a' // c\n/* d */y")).toBe("x = 'https://a' \ny");
  });
});
