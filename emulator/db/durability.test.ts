/** The SQLite file keeps every acknowledged write, across a clean close and across kill -9. */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Database } from './database';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a reopened file has its collections, documents, Dates and unique indexes', () => {
  const file = path.join(dir, 'data.sqlite');
  const indexes = { collections: { payments: [{ name: 'uniq_no', keys: { no: 1 as const }, unique: true }], empty: [] } };
  const first = new Database({ file, indexes });
  first.insert('payments', [{ _id: 'p1', no: 'T1', at: new Date('2024-01-02T03:04:05.006Z') }]);
  first.createCollection('made');
  first.close();

  const second = new Database({ file, indexes });
  expect(second.collections().sort()).toEqual(['empty', 'made', 'payments']);
  expect(second.find('payments')).toEqual([{ _id: 'p1', no: 'T1', at: new Date('2024-01-02T03:04:05.006Z') }]);
  expect(() => second.insert('payments', [{ no: 'T1' }])).toThrow('E11000');
  second.close();
});

test('a second emulator cannot open a file that one is serving', () => {
  const file = path.join(dir, 'data.sqlite');
  const first = new Database({ file, indexes: { collections: { a: [] } } });
  first.insert('a', [{ x: 1 }]);
  expect(() => new Database({ file, indexes: { collections: { a: [] } } })).toThrow(/locked/);
  first.close();
});

test('every write the SDK saw acknowledged survives kill -9 in the middle of a burst', async () => {
  const file = path.join(dir, 'data.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'durability-child.ts'), file, '4'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked = new Set<number>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^ack (\d+)$/.exec(line);
      if (match) acked.add(Number(match[1]));
    }
    if (acked.size >= 300 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });

  const signal = await exited;
  expect({ signal, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
  expect(acked.size).toBeGreaterThanOrEqual(300);

  const reopened = new Database({ file, indexes: { collections: { writes: [], counters: [] } } });
  const present = new Set(reopened.find('writes').map((doc) => doc.n));
  expect([...acked].filter((n) => !present.has(n))).toEqual([]);
  expect(reopened.find('counters', { _id: 'acks' })[0].n).toBeGreaterThanOrEqual(acked.size);
  reopened.close();
}, 60_000);
