// A small reader of the Bicep subset infra/ uses, for the structural tests: no Bicep compiler can be
// installed here. It finds declarations and their bodies; it does not evaluate expressions.
import { readFileSync } from 'node:fs';

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  decorators: string[];
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  body: string;
}

export interface BicepFile {
  params: BicepParam[];
  vars: Map<string, string>;
  resources: BicepResource[];
  modules: Array<{ symbol: string; path: string; body: string }>;
  outputs: Array<{ name: string; type: string; value: string }>;
}

/** Removes // and /* *\/ comments outside single-quoted strings (Bicep's only string form here). */
export function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") {
      const end = stringEnd(text, i);
      out += text.slice(i, end + 1);
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      out += c;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === "'") return i;
  }
  throw new Error(`unterminated string at ${start}`);
}

/** The balanced {...} / [...] / (...) starting at `start`, strings skipped. */
export function balanced(text: string, start: number): string {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") i = stringEnd(text, i);
    else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return text.slice(start, i + 1);
    }
  }
  throw new Error(`unbalanced expression at ${start}`);
}

/** The value after `=`: up to the first line break outside brackets and strings, as Bicep reads it. */
function valueAfter(text: string, equals: number): string {
  let depth = 0;
  let i = equals + 1;
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") i = stringEnd(text, i);
    else if ('{[('.includes(c)) depth += 1;
    else if ('}])'.includes(c)) depth -= 1;
    else if (c === '\n' && depth === 0) break;
  }
  return text.slice(equals + 1, i).trim();
}

/** Keys of the object literal's own level (not nested ones). */
export function topLevelKeys(objectText: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < objectText.length; i += 1) {
    const c = objectText[i];
    if (c === "'") {
      const end = stringEnd(objectText, i);
      if (depth === 1 && /^:/.test(objectText.slice(end + 1).trimStart()) && /[{,\n]\s*$/.test(objectText.slice(0, i))) keys.push(objectText.slice(i + 1, end));
      i = end;
    } else if ('{[('.includes(c)) depth += 1;
    else if ('}])'.includes(c)) depth -= 1;
    else if (depth === 1 && /[A-Za-z_]/.test(c) && /[{,\n]\s*$/.test(objectText.slice(0, i))) {
      const match = /^([A-Za-z_][\w]*)\s*:/.exec(objectText.slice(i));
      if (match) keys.push(match[1]);
    }
  }
  return keys;
}

export function parseBicep(source: string): BicepFile {
  const text = stripComments(source);
  const file: BicepFile = { params: [], vars: new Map(), resources: [], modules: [], outputs: [] };
  const lines = text.split('\n');
  let decorators: string[] = [];
  let offset = 0;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    if (/^@/.test(line)) {
      decorators.push(line.trim());
      continue;
    }
    const param = /^param\s+(\w+)\s+(\w+)(\s*=)?/.exec(line);
    const variable = /^var\s+(\w+)\s*=/.exec(line);
    const resource = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s+(existing\s+)?=/.exec(line);
    const moduleDecl = /^module\s+(\w+)\s+'([^']+)'\s*=/.exec(line);
    const output = /^output\s+(\w+)\s+(\w+)\s*=/.exec(line);
    const equals = lineStart + line.indexOf('=');
    if (param) file.params.push({ name: param[1], type: param[2], hasDefault: Boolean(param[3]), decorators });
    else if (variable) file.vars.set(variable[1], valueAfter(text, equals));
    else if (resource) file.resources.push({ symbol: resource[1], type: resource[2], apiVersion: resource[3], existing: Boolean(resource[4]), body: valueAfter(text, equals) });
    else if (moduleDecl) file.modules.push({ symbol: moduleDecl[1], path: moduleDecl[2], body: valueAfter(text, equals) });
    else if (output) file.outputs.push({ name: output[1], type: output[2], value: valueAfter(text, equals) });
    if (line.trim() !== '') decorators = [];
  }
  return file;
}

export function readBicep(path: string): BicepFile {
  return parseBicep(readFileSync(path, 'utf8'));
}
