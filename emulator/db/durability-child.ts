/**
 * Child process for durability.test.ts: serves a file-backed Database to the real wx-server-sdk and
 * writes as fast as it can, printing `ack <n>` only after the SDK call for write n has returned, until
 * the parent kills it with SIGKILL.
 * Usage: node --import tsx emulator/db/durability-child.ts <sqlite file> <writers>
 */
import * as cloud from 'wx-server-sdk';
import { Database } from './database';
import { pointSdkAt, startDbTestServer } from './test-server';

async function main(): Promise<void> {
  const [file, writersArg] = process.argv.slice(2);
  const db = new Database({ file, indexes: { collections: { writes: [], counters: [] } } });
  const server = await startDbTestServer(db);
  pointSdkAt(server.adminUrl);
  cloud.init({ env: 'test' });
  const sdb = cloud.database();
  const _ = sdb.command;
  await sdb.collection('counters').doc('acks').set({ data: { n: 0 } });
  process.stdout.write('ready\n');

  let next = 0;
  const writer = async (): Promise<never> => {
    for (;;) {
      const n = next++;
      await sdb.collection('writes').add({ data: { _id: `w${n}`, n } });
      await sdb.collection('counters').doc('acks').update({ data: { n: _.inc(1) } });
      process.stdout.write(`ack ${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(writersArg) || 1 }, writer));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
