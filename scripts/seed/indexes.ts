/**
 * The indexes every collection needs come from ONE file, emulator/indexes.json: the local
 * CloudBase enforces exactly those, and a deployer creates the same ones in the console. The seed
 * reads them from there so it can check it seeds only declared collections and respects every
 * unique index. docs/data-model.md explains each collection.
 */
import declared from '../../emulator/indexes.json';
import type { IndexSpec } from './types';

export const SEED_INDEXES = declared.collections as unknown as Record<string, IndexSpec[]>;
