import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventStore } from '@hld/persistence';
import { VersionConflict, type ChangeContext } from '@hld/kernel';
import {
  AssignCommitmentOwners,
  ChangeCommitmentStatus,
  DecideDueDateExtension,
  RebuildCommitmentReadModels,
  RegisterCommitment,
  ReportProgress,
  RequestDueDateExtension,
  ReviseCommitmentDetails,
  SetCommitmentDueDate,
} from '@hld/commitments';
import { aCommitment } from '../helpers/factories.js';
import { dumpReadModels } from '../helpers/db.js';
import { TestClock } from '../helpers/test-clock.js';
import { eventually } from '../helpers/smtp-sink.js';
import { startCommitmentsContext } from '../helpers/commitments-context.js';

const context: ChangeContext = { actor: { id: 'integration-test', role: 'coordinator', agency: null }, correlationId: 'test' };

describe('Event store and read models (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let store: EventStore;
  let db: DataSource;
  let commands: CommandBus;
  const clock = new TestClock(new Date('2014-02-20T09:00:00Z'));

  beforeAll(async () => {
    app = await startCommitmentsContext(clock);
    store = app.get(EventStore);
    db = app.get<DataSource>(getDataSourceToken());
    commands = app.get(CommandBus);
  });
  afterAll(() => app.close());

  const event = (type: string) => ({ type, payload: { n: 1 }, effectiveAt: new Date(), recordedAt: new Date() });

  it('lets exactly one of many concurrent appends at the same version win', async () => {
    const stream = { id: randomUUID(), type: 'probe' };
    await store.transaction(() => store.append(stream, 0, [event('Started')], context));
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.transaction(() => store.append(stream, 1, [event('Raced')], context))),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(rejected).toHaveLength(9);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(VersionConflict);
      expect(r.reason.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    }
    const events = await store.readStream(stream.id);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('writes nothing of a transaction that fails after the append', async () => {
    const stream = { id: randomUUID(), type: 'probe' };
    await expect(
      store.transaction(async () => {
        await store.append(stream, 0, [event('Started')], context);
        throw new Error('the read model update failed');
      }),
    ).rejects.toThrow('the read model update failed');
    expect(await store.readStream(stream.id)).toEqual([]);
  });

  it('retries a version-less append that lost the race inside a transaction behind a savepoint; the transaction goes on', async () => {
    const { id } = await commands.execute(new RegisterCommitment(aCommitment({ leadAgency: 'ILO', supportingAgencies: ['IOM'] }), context));
    const report = (agency: string) => new ReportProgress(id, { period: 2014, agency, summary: `${agency} reported.` }, context);
    // B appends version 2 and holds its transaction open; A reads version 1 and blocks on B's row, then loses
    let release!: () => void;
    let appended!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const bAppended = new Promise<void>((resolve) => (appended = resolve));
    const b = store.transaction(async () => {
      await commands.execute(report('ILO'));
      appended();
      await held;
    });
    await bAppended;
    const a = store.transaction(async (tx) => {
      const result = await commands.execute(report('IOM'));
      // the caller's transaction is still usable after the lost race
      const [{ n }] = await tx.query('SELECT 1 AS n');
      return { version: result.commitment.version, n };
    });
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`))[0].n > 0,
      5000,
      10,
    );
    release();
    await b;
    expect(await a).toEqual({ version: 3, n: 1 });
    const events = await store.readStream(id);
    expect(events.map((e) => [e.streamVersion, e.payload.agency ?? null])).toEqual([
      [1, null],
      [2, 'ILO'],
      [3, 'IOM'],
    ]);
  });

  it('retries version-less appends that race another process (which keeps its own states and takes its own turns)', async () => {
    const otherApp = await startCommitmentsContext(clock);
    try {
      const { id } = await commands.execute(
        new RegisterCommitment(aCommitment({ leadAgency: 'ILO', supportingAgencies: ['IOM'] }), context),
      );
      const processes = [commands, otherApp.get(CommandBus)];
      const n = 24;
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          processes[i % 2].execute(
            new ReportProgress(id, { period: 2014, agency: i % 2 ? 'IOM' : 'ILO', summary: `Report ${i}.` }, context),
          ),
        ),
      );
      expect(results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))).toEqual([]);
      expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1));
    } finally {
      await otherApp.close();
    }
  });

  it('refuses to update, delete or truncate events', async () => {
    const stream = { id: randomUUID(), type: 'probe' };
    await store.transaction(() => store.append(stream, 0, [event('Started')], context));
    await expect(db.query(`UPDATE events SET type = 'Edited' WHERE stream_id = $1`, [stream.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM events WHERE stream_id = $1`, [stream.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE events`)).rejects.toThrow(/append-only/);
    expect(await store.readStream(stream.id)).toHaveLength(1);
  });

  it('rebuilds read models identical to the ones kept in step with every command', async () => {
    // a varied history: several commitments, every kind of event, over several days
    for (let i = 0; i < 12; i += 1) {
      const state = await commands.execute(
        new RegisterCommitment(
          aCommitment({
            leadAgency: i % 2 ? 'UNHCR' : 'IOM',
            supportingAgencies: i % 3 ? ['ILO'] : [],
            agendaItems: [1 + (i % 8), 8 - (i % 3)],
          }),
          context,
        ),
      );
      clock.advance(3_600_000);
      await commands.execute(new ChangeCommitmentStatus(state.id, 1, 'accepted', {}, context));
      if (i % 2) await commands.execute(new ChangeCommitmentStatus(state.id, 2, 'in_progress', {}, context));
      if (i % 3 === 0) await commands.execute(new AssignCommitmentOwners(state.code, undefined, 'UNDP', ['IOM'], context));
      if (i % 4 === 0) {
        await commands.execute(new SetCommitmentDueDate(state.code, undefined, '2015-01-15', context));
        // a pending extension on some, an approved one (the original due date kept) on others
        const requested = await commands.execute(new RequestDueDateExtension(state.code, '2015-06-30', 'Data arrive late', context));
        if (i % 8 === 0)
          await commands.execute(new DecideDueDateExtension(state.code, requested.pendingExtension!.requestId, true, null, context));
      }
      if (i % 5 === 0) await commands.execute(new ReviseCommitmentDetails(state.code, undefined, { agendaItems: [3] }, context));
      const reporter = i % 3 === 0 ? 'IOM' : 'UNHCR';
      if (i % 2) await commands.execute(new ReportProgress(state.id, { period: 2014, agency: reporter, summary: `Report ${i}` }, context));
      if (i % 6 === 1)
        await commands.execute(
          new ChangeCommitmentStatus(state.id, undefined, 'discontinued', { reason: 'obsolete', category: 'overtaken_by_events' }, context),
        );
    }
    // facts learned of late, dated before facts already recorded (their periods are folded again), some of them
    // recorded at one instant (rows superseded at the instant they were recorded are removed, not closed)
    const day = 86_400_000;
    const daysAgo = (n: number) => new Date(clock.now().getTime() - n * day);
    const lateIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const late = await commands.execute(
        new RegisterCommitment(
          aCommitment({ leadAgency: 'IOM', supportingAgencies: ['ILO'], dueDate: '2014-01-31' }),
          context,
          undefined,
          daysAgo(40),
        ),
      );
      lateIds.push(late.id);
      await commands.execute(new ChangeCommitmentStatus(late.id, 1, 'accepted', { reason: 'minutes' }, context, daysAgo(38)));
      await commands.execute(
        new ReportProgress(late.id, { period: 2014, agency: 'ILO', summary: `Late report ${i}` }, context, undefined, daysAgo(30)),
      );
      clock.advance(60_000);
      await commands.execute(new SetCommitmentDueDate(late.code, undefined, '2014-06-30', context, daysAgo(35)));
      await commands
        .execute(new ChangeCommitmentStatus(late.id, undefined, 'accepted', { reason: 'minutes of the meeting' }, context, daysAgo(20)))
        .catch(() => undefined); // accepted already then: refused, nothing written
      if (i !== 1) await commands.execute(new ReviseCommitmentDetails(late.code, undefined, { title: `Late ${i}` }, context, daysAgo(39)));
      await commands.execute(
        new ChangeCommitmentStatus(late.id, undefined, 'in_progress', { reason: 'learned of by email' }, context, daysAgo(1)),
      );
    }
    const [{ backdated }] = await db.query(
      `SELECT count(*)::int AS backdated FROM events e WHERE stream_id = ANY($1::uuid[])
         AND EXISTS (SELECT 1 FROM events l WHERE l.stream_id = e.stream_id AND l.stream_version < e.stream_version AND l.effective_at > e.effective_at)`,
      [lateIds],
    );
    expect(backdated).toBe(5); // the due dates, and two of the revisions
    const kept = await dumpReadModels(db);
    expect((kept as { views: Array<{ pending_extension: unknown }> }).views.some((v) => v.pending_extension !== null)).toBe(true);
    const [{ superseded }] = await db.query(`SELECT count(*)::int AS superseded FROM commitment_versions WHERE recorded_to IS NOT NULL`);
    expect(superseded).toBeGreaterThan(0);
    const result = await commands.execute(new RebuildCommitmentReadModels());
    expect(result.events).toBeGreaterThan(40);
    expect(await dumpReadModels(db)).toEqual(kept);
  });
});
