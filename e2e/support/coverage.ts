// Which documented operation (lib/openapi/operations.ts) each response belonged to, and with which status,
// so that a spec can prove it exercised every operation's success and error statuses.
import { documentedStatuses, OPERATIONS, type Operation } from '../../lib/openapi/operations';

const observed = new Set<string>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Literal paths before templated ones: GET /customers/incoming must not count as GET /customers/{id}.
const matchers = [...OPERATIONS]
  .sort((a, b) => (a.pathParams?.length ?? 0) - (b.pathParams?.length ?? 0))
  .map((operation) => ({
    operation,
    pattern: new RegExp(`^(?:/api/v1)?${operation.path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
  }));

export function operationKey(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

export function findOperation(method: string, path: string): Operation | undefined {
  const pathname = new URL(path, 'http://placeholder').pathname;
  return matchers.find(({ operation, pattern }) => operation.method === method.toLowerCase() && pattern.test(pathname))?.operation;
}

export function recordResponse(method: string, path: string, status: number): void {
  const operation = findOperation(method, path);
  if (operation) observed.add(`${operationKey(operation)} ${status}`);
}

export function resetCoverage(): void {
  observed.clear();
}

/** Documented statuses (success and errors) not yet seen, leaving out those another suite covers. */
export function missingCoverage(skipStatuses: readonly number[]): string[] {
  const missing: string[] = [];
  for (const operation of OPERATIONS) {
    for (const status of documentedStatuses(operation)) {
      if (skipStatuses.includes(status)) continue;
      const key = `${operationKey(operation)} ${status}`;
      if (!observed.has(key)) missing.push(key);
    }
  }
  return missing;
}
