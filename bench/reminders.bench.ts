/**
 * `npm run bench:reminders`: a reporting cycle over 10,000 commitments and 200 agencies. Measures, in one run,
 * the time from "deadline reached" to every overdue notice and digest recorded and accepted by an SMTP server on
 * loopback (in a process of its own), and compares the delivery rate with the rate at which BullMQ alone processes no-op jobs on the same
 * Redis with the same concurrency. A benchmark, not a test: it prints the figures and a `BENCH_RESULT {json}`
 * line, and exits. It owns its database (hld_bench_reminders, dropped and recreated) and queue prefix.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { CommitmentsModule, RegisterCommitment } from '@hld/commitments';
import { ReportingCyclesModule, OpenReportingCycle } from '@hld/reporting-cycles';
import { SYSTEM_ACTOR } from '@hld/kernel';
import { recreateDatabase } from '../db/migrate.js';
import { startSmtpSinkProcess } from './smtp-sink.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hld_bench_reminders';
const COMMITMENTS = 10_000;
const AGENCIES = 200;
const COORDINATORS = 5;
const CONCURRENCY = 8;
const RAW_JOBS = 5_000;
const TARGET_RATIO = 0.3;

/** BullMQ alone: how fast it moves no-op jobs through a worker with the delivery concurrency. */
async function rawBullmqRate(redisUrl: string, prefix: string): Promise<number> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', { connection, prefix });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.addBulk(
    Array.from({ length: RAW_JOBS }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `noop-${i}`, removeOnComplete: true } })),
  );
  let done = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const worker = new Worker('bench-noop', async () => undefined, { connection, prefix, concurrency: CONCURRENCY });
    worker.on('completed', () => {
      done += 1;
      if (done === RAW_JOBS) void worker.close().then(resolve);
    });
  });
  const rate = RAW_JOBS / ((performance.now() - started) / 1000);
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return rate;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

@Module({ imports: [PersistenceModule, CommitmentsModule, ReportingCyclesModule] })
class SeedModule {}

async function main(): Promise<void> {
  const sink = await startSmtpSinkProcess();
  const prefix = 'hld-bench-rem';
  Object.assign(process.env, {
    DATABASE_URL,
    QUEUE_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'error',
    NOTIFICATION_CONCURRENCY: String(CONCURRENCY),
  });
  const env = loadEnvironment();
  await recreateDatabase(DATABASE_URL);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();

  // 200 agencies, a focal point each, and the coordinators; hash once (scrypt is deliberately slow)
  const codes = Array.from({ length: AGENCIES }, (_, i) => `BENCH${String(i).padStart(3, '0')}`);
  await db.query(`INSERT INTO agencies (code, name, kind, un, gmg) SELECT unnest($1::text[]), 'Bench agency', 'other', false, false`, [
    codes,
  ]);
  await db.query(
    `INSERT INTO users (id, email, display_name, role, agency, password_hash)
     SELECT gen_random_uuid(), lower(a) || '@bench.invalid', 'Focal point ' || a, 'focal_point', a, 'scrypt$x' FROM unnest($1::text[]) a`,
    [codes],
  );
  await db.query(
    `INSERT INTO users (id, email, display_name, role, password_hash)
     SELECT gen_random_uuid(), 'coordinator' || i || '@bench.invalid', 'Coordinator ' || i, 'coordinator', 'scrypt$x' FROM generate_series(1, $1) i`,
    [COORDINATORS],
  );

  const seed = await NestFactory.createApplicationContext(
    { module: SeedModule, imports: [ConfigModule.forRoot(env)] },
    { logger: ['error'] },
  );
  const commands = seed.get(CommandBus);
  const context = { actor: SYSTEM_ACTOR('bench'), correlationId: 'bench' };
  let seeded = 0;
  const seedStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (seeded < COMMITMENTS) {
        const i = seeded++;
        await commands.execute(
          new RegisterCommitment(
            {
              code: `BENCH-c${i}`,
              title: `Commitment ${i}`,
              text: 'A commitment of the benchmark.',
              source: 'bench',
              kind: 'recommendation',
              leadAgency: codes[i % AGENCIES],
              agendaItems: [1 + (i % 8)],
            },
            context,
          ),
        );
      }
    }),
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const rawRate = await rawBullmqRate(env.REDIS_URL, prefix);

  // the worker, as production runs it, in this process
  const { WorkerModule } = await import('../apps/worker/src/worker.module.js');
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: ['error'] });

  // open the cycle: its call for inputs goes out at once (not measured); the deadline comes a few seconds later
  const deadline = new Date(Date.now() + 15_000);
  await commands.execute(
    new OpenReportingCycle(2014, { opensAt: new Date(Date.now() - 86_400_000).toISOString(), deadline: deadline.toISOString() }, context),
  );
  await waitFor(async () => (await sink.stats()).count >= AGENCIES, 60_000);
  const callForInputs = (await sink.stats()).count;

  // measured: from the deadline to the notices and digests committed, and to the last accepted by the SMTP server
  const expected = callForInputs + AGENCIES + COORDINATORS;
  const messages = AGENCIES + COORDINATORS;
  const deadlineRows = `SELECT count(*)::int AS n FROM notifications WHERE kind IN ('report_overdue', 'coordinator_digest')`;
  await waitFor(async () => (await db.query(deadlineRows)).rows[0].n >= messages, 120_000);
  const recorded = (Date.now() - deadline.getTime()) / 1000;
  await waitFor(async () => (await sink.stats()).count >= expected, 120_000);
  const elapsed = ((await sink.stats()).lastAt - deadline.getTime()) / 1000;
  const rate = messages / elapsed;

  // the ceiling: the same messages handed straight to nodemailer, same concurrency, no queue and no database
  const { rows: sent } = await db.query(
    `SELECT id, recipient_email, subject, body_text, body_html FROM notifications WHERE kind IN ('report_overdue', 'coordinator_digest')`,
  );
  const transport = nodemailer.createTransport({ url: env.SMTP_URL, pool: true, maxConnections: CONCURRENCY }, { from: env.MAIL_FROM });
  let next = 0;
  const smtpStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let r = sent[next++]; r; r = sent[next++]) {
        await transport.sendMail({
          to: r.recipient_email,
          subject: r.subject,
          text: r.body_text,
          html: r.body_html,
          messageId: `<${r.id}@ceiling>`,
        });
      }
    }),
  );
  const smtpRate = sent.length / ((performance.now() - smtpStarted) / 1000);
  transport.close();

  await worker.close();
  await seed.close();
  await db.end();
  await sink.close();

  const result = {
    commitments: COMMITMENTS,
    agencies: AGENCIES,
    seedSeconds: +seedSeconds.toFixed(1),
    callForInputsMessages: callForInputs,
    deadlineMessages: messages,
    deadlineToLastDeliveredSeconds: +elapsed.toFixed(3),
    deadlineToRecordedSeconds: +recorded.toFixed(3),
    deliveredPerSecond: +rate.toFixed(1),
    rawBullmqNoopJobsPerSecond: +rawRate.toFixed(1),
    ratio: +(rate / rawRate).toFixed(3),
    smtpAloneMessagesPerSecond: +smtpRate.toFixed(1),
    ratioToSmtpAlone: +(rate / smtpRate).toFixed(3),
    commitmentsRemindedPerSecond: +(COMMITMENTS / elapsed).toFixed(1),
    target: TARGET_RATIO,
  };
  console.log(`
reminders benchmark (${COMMITMENTS} commitments, ${AGENCIES} agencies, concurrency ${CONCURRENCY})
  seeding through RegisterCommitment       ${result.seedSeconds} s
  call for inputs delivered                ${callForInputs} messages (not measured)
  deadline → notices + digests committed   ${result.deadlineToRecordedSeconds} s (BullMQ delay precision included)
  deadline → last of ${messages} delivered      ${result.deadlineToLastDeliveredSeconds} s   → ${result.deliveredPerSecond} messages/s
  raw BullMQ no-op jobs                    ${result.rawBullmqNoopJobsPerSecond} jobs/s
  ratio, messages/s to raw jobs/s          ${(result.ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %)
  SMTP alone (same messages, nodemailer)   ${result.smtpAloneMessagesPerSecond} messages/s → the pipeline reaches ${(result.ratioToSmtpAlone * 100).toFixed(0)} % of it
  commitments reminded                     ${result.commitmentsRemindedPerSecond} /s (${COMMITMENTS} in ${messages} messages) = ${((COMMITMENTS / elapsed / rawRate) * 100).toFixed(0)} % of raw jobs/s
BENCH_RESULT ${JSON.stringify(result)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
