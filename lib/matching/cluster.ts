// Entities for dedupe: single link at the cut-off, strongest first, never joining groups across a hard
// conflict, so a household of look-alikes is not chained into one (docs/matching.md#entities).
import { memoizedPairs } from './pair-memo';
import { givenNameConflict } from './compare/name-words';
import { dateOfBirthLevel } from './compare/identity-fields';
import { sameIdentifierKind, type NormalizedIdentifier } from './normalize/identifier';
import { generationsDiffer } from './normalize/person';
import type { NormalizedRecord } from './normalize/record';

/** One scored pair of records, by their indexes. */
export interface ScoredLink {
  a: number;
  b: number;
  probability: number;
}

export { givenNameConflict };

export type HardConflict = 'dateOfBirth' | 'identifier' | 'givenName' | 'generation';

export interface ClusterResult {
  /** Index of each record's entity (0-based, in order of first appearance). */
  clusterOf: number[];
  /** Record indexes per entity. */
  clusters: number[][];
  /** Links at or above the cut-off that were refused because of a hard conflict. */
  refusedLinks: number;
}

/** Same kind, same issuer (as far as both say), different number: two documents of different holders. */
function identifierConflict(a: NormalizedIdentifier[], b: NormalizedIdentifier[]): 'same' | 'conflict' | null {
  let conflict = false;
  for (const x of a) {
    for (const y of b) {
      if (!sameIdentifierKind(x, y)) continue;
      if (x.value === y.value) return 'same';
      if (x.country === null || y.country === null || x.country === y.country) conflict = true;
    }
  }
  return conflict ? 'conflict' : null;
}

/**
 * Why two records cannot be one entity, or null: different dates of birth (not a transposition,
 * not a near date), different identifiers of one kind and issuer, or — for two person records that
 * share no identifier — clearly different given names or different generations (Jr / Sr).
 */
export function hardConflict(a: NormalizedRecord, b: NormalizedRecord): HardConflict | null {
  const identifiers = identifierConflict(a.identifiers, b.identifiers);
  if (identifiers === 'conflict') return 'identifier';
  if (a.dateOfBirth && b.dateOfBirth && dateOfBirthLevel(a.dateOfBirth, b.dateOfBirth) === 'else') return 'dateOfBirth';
  const persons = a.company === null && b.company === null && a.contact !== null && b.contact !== null;
  if (persons && identifiers !== 'same' && givenNameConflict(a.contact!, b.contact!)) return 'givenName';
  if (persons && identifiers !== 'same' && generationsDiffer(a.contact!, b.contact!)) return 'generation';
  return null;
}

/**
 * Single-link clustering with cannot-link constraints. Links at or above `cutoff` are taken
 * strongest first; a link joins two entities only when no record of one has a hard conflict with
 * a record of the other (`conflict(i, j)`, asked at most once per pair of records).
 */
export function clusterRecords(count: number, links: readonly ScoredLink[], cutoff: number, conflict: (a: number, b: number) => boolean): ClusterResult {
  const parent = Array.from({ length: count }, (_, index) => index);
  const members = new Map<number, number[]>(Array.from({ length: count }, (_, index) => [index, [index]]));
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root];
    while (parent[index] !== root) [index, parent[index]] = [parent[index], root];
    return root;
  };
  const conflicting = memoizedPairs(conflict);
  let refusedLinks = 0;
  const ordered = links.filter((link) => link.probability >= cutoff && link.a !== link.b).sort((x, y) => y.probability - x.probability);
  for (const link of ordered) {
    const [rootA, rootB] = [find(link.a), find(link.b)];
    if (rootA === rootB) continue;
    const groupA = members.get(rootA)!;
    const groupB = members.get(rootB)!;
    if (groupA.some((i) => groupB.some((j) => conflicting(i, j)))) {
      refusedLinks += 1;
      continue;
    }
    const [keep, drop] = groupA.length >= groupB.length ? [rootA, rootB] : [rootB, rootA];
    parent[drop] = keep;
    members.set(keep, [...members.get(keep)!, ...members.get(drop)!]);
    members.delete(drop);
  }
  const clusterOf = new Array<number>(count);
  const clusters: number[][] = [];
  const numbering = new Map<number, number>();
  for (let index = 0; index < count; index += 1) {
    const root = find(index);
    let cluster = numbering.get(root);
    if (cluster === undefined) {
      cluster = clusters.length;
      numbering.set(root, cluster);
      clusters.push([]);
    }
    clusterOf[index] = cluster;
    clusters[cluster].push(index);
  }
  return { clusterOf, clusters, refusedLinks };
}

/** Every unordered pair of records inside one entity, as [i, j] with i < j. */
export function pairsWithinClusters(clusters: readonly number[][]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (const cluster of clusters) {
    const sorted = [...cluster].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length; i += 1) for (let j = i + 1; j < sorted.length; j += 1) pairs.push([sorted[i], sorted[j]]);
  }
  return pairs;
}
