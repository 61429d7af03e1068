// Shared by the infra/ structural tests: the Bicep files, parsed once, and the text files beside them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBicep, type BicepFile } from './bicep-reader';

export const infraDir = import.meta.dirname;
export const repoDir = path.resolve(infraDir, '..');

export const readText = (relativeToRepo: string): string => readFileSync(path.join(repoDir, relativeToRepo), 'utf8');

export const main = readBicep(path.join(infraDir, 'main.bicep'));

/** modules/<name>.bicep by file name without extension. */
export const modules: Record<string, BicepFile> = Object.fromEntries(
  readdirSync(path.join(infraDir, 'modules'))
    .filter((file) => file.endsWith('.bicep'))
    .map((file) => [file.replace(/\.bicep$/, ''), readBicep(path.join(infraDir, 'modules', file))]),
);

export const allResources = Object.entries(modules).flatMap(([module, file]) => file.resources.map((resource) => ({ module, ...resource })));

export function resourceOf(module: string, symbol: string) {
  const resource = modules[module]?.resources.find((candidate) => candidate.symbol === symbol);
  if (!resource) throw new Error(`no resource ${symbol} in modules/${module}.bicep`);
  return resource;
}

/** `{ name: 'X', value: ... }` / `{ name: 'X', secretRef: 'y' }` entries of a Bicep env array expression. */
export function envEntries(expression: string): Array<{ name: string; kind: 'value' | 'secretRef'; value: string }> {
  return [...expression.matchAll(/\{\s*name:\s*'([A-Za-z0-9_]+)',\s*(value|secretRef):\s*([^}]+?)\s*\}/g)].map((match) => ({
    name: match[1],
    kind: match[2] as 'value' | 'secretRef',
    value: match[3],
  }));
}

/** A Bicep string literal's content, or undefined for an expression. */
export const literal = (expression: string): string | undefined => /^'([^'$]*)'$/.exec(expression.trim())?.[1];
