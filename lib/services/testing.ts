// Test support for services: a fresh, migrated database (see lib/db/testing.ts) opened before a describe
// block's tests and closed after them, with a service context on it and, if asked, the demo customers.
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import type { ServiceContext } from './context';
import { seedDemoDataIfEmpty } from './demo-data';

export interface OpenedServiceDatabase {
  handle: DatabaseHandle;
  ctx: ServiceContext;
}

/** Registers the hooks; `onOpen` receives the handle and context once the database is ready. */
export function withServiceDatabase(
  open: () => Promise<DatabaseHandle>,
  onOpen: (opened: OpenedServiceDatabase) => void,
  options: { seedDemo?: boolean; actor?: string } = {},
): void {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await open();
    const ctx: ServiceContext = { db: handle.db, actor: options.actor ?? 'test' };
    if (options.seedDemo) await seedDemoDataIfEmpty(ctx);
    onOpen({ handle, ctx });
  });
  afterAll(async () => {
    await handle?.close();
  });
}
