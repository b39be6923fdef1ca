/**
 * `npm run build && node dist/bench/write-path.bench.js`: what the write path's caches save per command, each
 * measured on its own (the command benchmark varies by ±5 % from run to run on a shared machine, which hides
 * anything smaller):
 * 1. composing a status change's append (the events insert and the read-model writes, text and parameters),
 *    without a database: the cost the statement-text caches used to save;
 * 2. naming the prepared statement from that text: a lookup among the texts already named vs. hashing it anew;
 * 3. PostgreSQL parsing and planning the statement on every call vs. once per connection (a prepared statement);
 * 4. status changes through the CommandBus, 8 at a time, without HTTP: this process's CPU time per command, which
 *    shows what the repository in use costs (the same file runs against other builds to compare them).
 * It owns the database it runs on (BENCH_DATABASE_URL, dropped and recreated).
 */
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { ConfigModule } from '@hld/config';
import type { ChangeContext } from '@hld/kernel';
import type { EventStore as EventStoreType, UnitOfWork } from '@hld/persistence';
import { EventStore, PersistenceModule } from '@hld/persistence';
import { ChangeCommitmentStatus, Commitment, CommitmentsModule, RegisterCommitment, type CommitmentState } from '@hld/commitments';
import { CommitmentProjection } from '../libs/commitments/src/infrastructure/commitment-projection.js';
import { EventSourcedCommitmentRepository } from '../libs/commitments/src/infrastructure/event-sourced-commitment-repository.js';
import { recreateDatabase } from '../db/migrate.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_write_path';
const COMPOSITIONS = 50_000;
/** Fewer than compositions: each copy of a text built piece by piece holds a hundred pieces until it is read. */
const NAMINGS = 10_000;
const STATEMENTS = 2_000;
const ROUNDS = 5;
const COMMANDS = 4_000;
const CONCURRENCY = 8;

const context: ChangeContext = { actor: { id: 'bench', role: 'coordinator', agency: null }, correlationId: 'bench' };

const state = (id: string): CommitmentState => ({
  id,
  code: `BENCH-${id.slice(0, 8)}`,
  title: 'Benchmark commitment',
  text: 'Promote fair recruitment practices and lower the fees paid by migrant workers.',
  source: 'A/68/190',
  kind: 'recommendation',
  leadAgency: 'ILO',
  supportingAgencies: ['IOM'],
  agendaItems: [2, 5],
  sdgTargets: ['10.7'],
  dueDate: '2015-12-31',
  originalDueDate: '2015-12-31',
  pendingExtension: null,
  decidedExtensions: {},
  status: 'accepted',
  version: 2,
  registeredAt: new Date('2014-01-01T00:00:00Z'),
  updatedAt: new Date('2014-02-01T00:00:00Z'),
  lastReportPeriod: null,
  lastReportedAt: null,
  reportedPeriods: {},
  lastRecordedAt: new Date('2014-02-01T00:00:00Z'),
});

interface Composed {
  text: string;
  values: unknown[];
}

/** The repository's save with a unit of work that only records the statement it is given. */
function composer(): { save: (commitment: Commitment) => Promise<void>; last: () => Composed } {
  let last: Composed = { text: '', values: [] };
  const unitOfWork = {
    queryPrepared: async (text: string, values: unknown[]) => {
      last = { text, values };
      return [{ position: '1', stream_version: 3 }];
    },
    afterCommit: (callback: () => void) => callback(),
  } as unknown as UnitOfWork;
  const eventStore: EventStoreType = new EventStore(unitOfWork);
  const repository = new EventSourcedCommitmentRepository(eventStore, new CommitmentProjection(eventStore), unitOfWork);
  return { save: (commitment) => repository.save(commitment, context), last: () => last };
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function composition(): Promise<{ decideUs: number; decideAndComposeUs: number; composeUs: number }> {
  const { save } = composer();
  const base = state(randomUUID());
  const now = new Date('2014-03-01T00:00:00Z');
  const decide = () => {
    const commitment = Commitment.fromSnapshot(base);
    commitment.changeStatus('in_progress', {}, now);
    return commitment;
  };
  // warm up, then measure deciding alone and deciding + composing, alternately
  for (let i = 0; i < COMPOSITIONS; i++) await save(decide());
  let decideMs = 0;
  let bothMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let start = performance.now();
    for (let i = 0; i < COMPOSITIONS; i++) decide().pullPendingEvents();
    decideMs += performance.now() - start;
    start = performance.now();
    for (let i = 0; i < COMPOSITIONS; i++) await save(decide());
    bothMs += performance.now() - start;
  }
  const per = (ms: number) => (1000 * ms) / (ROUNDS * COMPOSITIONS);
  return { decideUs: round(per(decideMs), 3), decideAndComposeUs: round(per(bothMs), 3), composeUs: round(per(bothMs - decideMs), 3) };
}

/** Fresh copies of one text, built piece by piece as a composition builds it (a new string each time, same characters). */
function copies(text: string, n: number): string[] {
  const words = text.split(' ');
  return Array.from({ length: n }, () => {
    let copy = words[0];
    for (let i = 1; i < words.length; i++) copy += ` ${words[i]}`;
    return copy;
  });
}

function naming(text: string): { lookupUs: number; hashUs: number; textLength: number } {
  const names = new LRUCache<string, string>({ max: 500 });
  const hash = (t: string) => `hld_${createHash('sha1').update(t).digest('base64url')}`;
  names.set(text, hash(text));
  let lookupMs = 0;
  let hashMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const a = copies(text, NAMINGS);
    let start = performance.now();
    for (const t of a) if (names.get(t) === undefined) throw new Error('missed');
    lookupMs += performance.now() - start;
    const b = copies(text, NAMINGS);
    start = performance.now();
    for (const t of b) hash(t);
    hashMs += performance.now() - start;
  }
  const per = (ms: number) => round((1000 * ms) / (ROUNDS * NAMINGS), 3);
  return { lookupUs: per(lookupMs), hashUs: per(hashMs), textLength: text.length };
}

/** The same status-change appends, one at a time, unnamed (parsed and planned each time) or prepared. */
async function preparing(): Promise<{ unnamedUs: number; preparedUs: number }> {
  await recreateDatabase(DATABASE_URL);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  // the WAL flush of each commit is the same either way and would only add noise
  await client.query('SET synchronous_commit = off');
  const { save, last } = composer();
  const now = new Date('2014-03-01T00:00:00Z');
  const statements = async (): Promise<Composed[]> => {
    const all: Composed[] = [];
    for (let i = 0; i < STATEMENTS; i++) {
      const commitment = Commitment.fromSnapshot(state(randomUUID()));
      commitment.changeStatus('in_progress', {}, now);
      await save(commitment);
      all.push(last());
    }
    return all;
  };
  const name = `bench_${createHash('sha1')
    .update((await statements())[0].text)
    .digest('hex')
    .slice(0, 16)}`;
  let unnamedMs = 0;
  let preparedMs = 0;
  try {
    for (let r = 0; r <= ROUNDS; r++) {
      for (const prepared of [false, true]) {
        const batch = await statements();
        const start = performance.now();
        for (const { text, values } of batch) await client.query(prepared ? { name, text, values } : { text, values });
        // round 0 warms up both
        if (r > 0) {
          if (prepared) preparedMs += performance.now() - start;
          else unnamedMs += performance.now() - start;
        }
      }
    }
  } finally {
    await client.end();
  }
  const per = (ms: number) => round((1000 * ms) / (ROUNDS * STATEMENTS), 1);
  return { unnamedUs: per(unnamedMs), preparedUs: per(preparedMs) };
}

@Module({ imports: [ConfigModule, PersistenceModule, CommitmentsModule] })
class CommandsOnly {}

/** Each of 8 clients drives its own commitments around in_progress → under_review → in_progress (returned). */
async function commandPath(): Promise<{ cpuUsPerCommand: number; wallUsPerCommand: number }> {
  Object.assign(process.env, { DATABASE_URL, LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(CommandsOnly, { logger: ['error'] });
  const commands = app.get(CommandBus);
  try {
    const tracked = await Promise.all(
      Array.from({ length: CONCURRENCY * 50 }, async (_, n) => {
        const { id } = await commands.execute(
          new RegisterCommitment(
            {
              code: `BENCH-${n}`,
              title: `Commitment ${n}`,
              text: 'Benchmark.',
              source: 'A/68/190',
              kind: 'recommendation',
              leadAgency: 'ILO',
              agendaItems: [1 + (n % 8)],
            },
            context,
          ),
        );
        const { version } = await commands.execute(new ChangeCommitmentStatus(id, 1, 'accepted', {}, context));
        return { id, version, status: 'accepted' };
      }),
    );
    const drive = async (count: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, worker) => {
          const mine = tracked.filter((_, n) => n % CONCURRENCY === worker);
          for (let i = 0; next < count; i++) {
            next += 1;
            const c = mine[i % mine.length];
            const to = c.status === 'in_progress' ? 'under_review' : 'in_progress';
            const reason = c.status === 'under_review' ? 'returned by the benchmark' : undefined;
            const after = await commands.execute(new ChangeCommitmentStatus(c.id, c.version, to, { reason }, context));
            c.version = after.version;
            c.status = to;
          }
        }),
      );
    };
    await drive(COMMANDS / 4);
    const cpu = process.cpuUsage();
    const start = performance.now();
    await drive(COMMANDS);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { cpuUsPerCommand: round((used.user + used.system) / COMMANDS, 1), wallUsPerCommand: round((1000 * wallMs) / COMMANDS, 1) };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const composed = await composition();
  const { save, last } = composer();
  const commitment = Commitment.fromSnapshot(state(randomUUID()));
  commitment.changeStatus('in_progress', {}, new Date());
  await save(commitment);
  const named = naming(last().text);
  const prepared = await preparing();
  const commandsOnly = await commandPath();
  const result = { composition: composed, naming: named, postgres: prepared, commands: commandsOnly };
  console.log(`composing a status change's append: ${composed.composeUs} µs (deciding it: ${composed.decideUs} µs)`);
  console.log(`naming its prepared statement (${named.textLength} characters): lookup ${named.lookupUs} µs, sha1 ${named.hashUs} µs`);
  console.log(`running it in PostgreSQL, one at a time: unnamed ${prepared.unnamedUs} µs, prepared ${prepared.preparedUs} µs`);
  console.log(
    `status changes through the CommandBus: ${commandsOnly.cpuUsPerCommand} µs of this process's CPU per command (${commandsOnly.wallUsPerCommand} µs wall)`,
  );
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
