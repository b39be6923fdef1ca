/** What the HTTP benchmarks measure with: latency percentiles, CPU, the raw PostgreSQL baseline, the table. */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function latencies(samples: number[]): Latencies {
  const sorted = Float64Array.from(samples).sort();
  // nearest-rank percentile: always a latency that was actually observed
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0);
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(at(1)) };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/**
 * Busy share of all CPUs between two calls, from /proc/stat (Linux only; null elsewhere). Tells whether a
 * phase was CPU-bound (Node and PostgreSQL share the same cores here) or waiting on something else.
 */
export function cpuMeter(): () => number | null {
  const read = (): { busy: number; total: number } | null => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
      const total = fields.reduce((sum, n) => sum + n, 0);
      return { busy: total - idle, total };
    } catch {
      return null;
    }
  };
  const start = read();
  return () => {
    const end = read();
    if (!start || !end || end.total === start.total) return null;
    return round((100 * (end.busy - start.busy)) / (end.total - start.total), 1);
  };
}

/** Runs `worker(0..n-1)` concurrently and waits for all of them. */
export async function inParallel(n: number, worker: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => worker(i)));
}

/** Any port the OS says is free. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The ceiling: how many single-row transactions PostgreSQL commits per second from `connections` connections.
 * Each commit waits for its WAL flush, as every command's transaction does, so this is the rate no command
 * path can beat on this machine. The row is shaped like an event (uuid, text, jsonb) to be comparable.
 */
export async function rawInsertBaseline(
  url: string,
  connections: number,
  seconds: number,
): Promise<{ opsPerSecond: number; transactions: number; seconds: number; cpuPercent: number | null }> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, stream_id uuid NOT NULL, type text NOT NULL,
    payload jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const payload = JSON.stringify({ from: 'accepted', to: 'in_progress', reason: null });
  let transactions = 0;
  const cpu = cpuMeter();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  try {
    await inParallel(connections, async (i) => {
      const client = clients[i];
      while (performance.now() < deadline) {
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_scratch (stream_id, type, payload) VALUES (gen_random_uuid(), $1, $2::jsonb)', [
          'CommitmentStatusChanged',
          payload,
        ]);
        await client.query('COMMIT');
        transactions += 1;
      }
    });
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpuPercent = cpu();
  await setup.query('DROP TABLE bench_scratch');
  await setup.end();
  return { opsPerSecond: round(transactions / elapsed, 1), transactions, seconds: round(elapsed), cpuPercent };
}

export function printTable(rows: string[][]): void {
  const columns = rows[0].length;
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    widths
      .map((w, i) => (row[i] ?? '').padEnd(w))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}
