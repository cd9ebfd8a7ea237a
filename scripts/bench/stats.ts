/** Latency statistics and a bounded concurrent load loop shared by the benchmarks. */
import os from 'os';

export interface LoadResult {
  ops: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `op` `total` times with `concurrency` in flight; latencies in milliseconds. */
export async function load(total: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t = process.hrtime.bigint();
      await op(i);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { ops: total, seconds, opsPerSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? 0 };
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function row(name: string, r: LoadResult): string {
  return `| ${name} | ${r.ops} | ${Math.round(r.opsPerSecond)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`;
}

export const TABLE_HEAD = '| operation | ops | ops/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|';
