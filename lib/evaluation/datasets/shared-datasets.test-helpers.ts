// Where the read-only shared datasets live relative to the repo; tests skip when they are absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATASETS_DIR = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/datasets');
export const hasSharedDataset = (name: string): boolean => existsSync(path.join(SHARED_DATASETS_DIR, name));
