/**
 * Test support: a fresh in-memory Database behind a test server, and the real wx-server-sdk pointed at
 * it, used the way cloud function code uses it.
 */
import * as cloud from 'wx-server-sdk';
import { Clock } from '../clock';
import { Database } from './database';
import type { IndexFile } from './indexes';
import { pointSdkAt, startDbTestServer, type DbTestServer } from './test-server';

export type SdkDatabase = ReturnType<typeof cloud.database>;

export interface SdkHarness {
  db: Database;
  clock: Clock;
  server: DbTestServer;
  cloud: typeof cloud;
  /** cloud.database(), as function code gets it. */
  sdb: SdkDatabase;
  close(): Promise<void>;
}

export async function startSdkHarness(indexes: IndexFile = { collections: {} }): Promise<SdkHarness> {
  const clock = new Clock();
  const db = new Database({ clock, indexes });
  const server = await startDbTestServer(db);
  pointSdkAt(server.adminUrl);
  cloud.init({ env: 'test' });
  return {
    db,
    clock,
    server,
    cloud,
    sdb: cloud.database(),
    async close() {
      await server.close();
      db.close();
    },
  };
}

/** The rejection a failing SDK call produces (errCode / errMsg as function code sees them). */
export async function sdkError(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise;
  } catch (error) {
    const { errCode, errMsg } = error as { errCode: number; errMsg: string };
    return { errCode, errMsg };
  }
  throw new Error('expected the SDK call to fail, it succeeded');
}
