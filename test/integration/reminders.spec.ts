import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DeliverNotification, NOTIFICATIONS_QUEUE, ReminderTicker, REMINDERS_QUEUE } from '@hld/reminders';
import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { eventually, SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';
import { startTestWorker } from '../helpers/test-worker.js';

/**
 * Reporting cycles drive reminders through the real worker: BullMQ on Redis, the ledger in PostgreSQL, email to
 * a real SMTP server on loopback. Time is a test clock: delays are computed from it, and moving it then sweeping
 * makes due reminders fire now.
 */
describe('Reminders and escalation', () => {
  const sink = new SmtpSink();
  const prefix = `hld-test-rem-${randomUUID().slice(0, 8)}`;
  const saved = { ...process.env };
  let api: TestApi;
  let worker: TestingModule;
  let queue: Queue;
  let deliveries: Queue;
  let agencyA: string;
  let agencyB: string;
  let focalA1: SignedIn;
  let focalA2: SignedIn;
  let focalB: SignedIn;
  const codes: Record<string, string> = {};
  const YEAR = 2060;

  beforeAll(async () => {
    await sink.start();
    Object.assign(process.env, {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      QUEUE_PREFIX: prefix,
      POLL_INTERVAL_MS: '200',
      NOTIFICATION_RETRY_BASE_SECONDS: '1',
      NOTIFICATION_MAX_ATTEMPTS: '2',
    });
    api = await startTestApi();
    api.clock.set('2060-10-01T12:00:00Z');
    worker = await startTestWorker(api.clock);
    queue = worker.get<Queue>(getQueueToken(REMINDERS_QUEUE));
    deliveries = worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    agencyA = await aFreshAgency(api.db);
    agencyB = await aFreshAgency(api.db);
    [focalA1, focalA2, focalB] = [
      await api.signIn('focal_point', agencyA),
      await api.signIn('focal_point', agencyA),
      await api.signIn('focal_point', agencyB),
    ];
    for (const [name, lead] of [
      ['a1', agencyA],
      ['a2', agencyA],
      ['b1', agencyB],
    ] as const) {
      codes[name] = (
        await api.http
          .post('/api/v1/commitments')
          .send(aCommitment({ leadAgency: lead, supportingAgencies: [] }))
          .expect(201)
      ).body.code;
    }
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await sink.stop();
    process.env = saved;
  });

  const sweep = () => worker.get(ReminderTicker).sweep();
  /** Messages about this file's 2060 cycle (its dates are 2060 and 2061): other files' cycles, long past at this
   * clock, may write to the same agencies' focal points too, since cycles are global. */
  const ours = (email: string) => sink.to(email).filter((m) => /20(60|61)/.test(m.subject));
  const stamp = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  /**
   * What reminders decided, from the ledger: the recipients of the notifications recorded under these keys (a run
   * records them all in one transaction, with the run itself). Delivery is asynchronous: what was not recorded can
   * never be sent, so an absence is checked here and not by waiting on the SMTP server.
   */
  const recipientsOf = async (dedupeKeys: string): Promise<string[]> =>
    (
      (await api.db.query(`SELECT recipient_id FROM notifications WHERE dedupe_key LIKE $1 ORDER BY recipient_id`, [dedupeKeys])) as Array<{
        recipient_id: string;
      }>
    ).map((r) => r.recipient_id);
  const ran = async (key: string): Promise<boolean> =>
    (await api.db.query(`SELECT 1 FROM reminder_runs WHERE job_key = $1`, [key])).length > 0;
  /** Until no delivery job is waiting, running or backing off: every message already decided has been sent (or failed). */
  const deliveriesIdle = () =>
    eventually(async () =>
      expect(await deliveries.getJobCounts('active', 'waiting', 'prioritized', 'delayed')).toEqual({
        active: 0,
        waiting: 0,
        prioritized: 0,
        delayed: 0,
      }),
    );

  it('a cycle that is already open sends its call for inputs at once, to each owing agency, listing what it owes', async () => {
    api.clock.set('2060-11-05T12:00:00Z');
    await api.http.post('/api/v1/reporting-cycles').send({ year: YEAR, opensAt: '2060-11-01', deadline: '2061-01-15' }).expect(201);
    await eventually(() => expect(ours(focalB.user.email)).toHaveLength(1));
    for (const focal of [focalA1, focalA2]) await eventually(() => expect(ours(focal.user.email)).toHaveLength(1));
    const [toA] = ours(focalA1.user.email);
    expect(toA.subject).toBe(`Call for inputs: HLD follow-up reporting cycle ${YEAR} (reports due 15 January 2061 at 23:59)`);
    expect(toA.body).toContain(codes.a1);
    expect(toA.body).toContain(codes.a2);
    expect(toA.body).not.toContain(codes.b1);
    // the links lead to the web app's pages (a person follows them in a browser), never to the API
    expect(toA.body).toMatch(new RegExp(`^  http://[^/\\s]+/commitments/${codes.a1}$`, 'm'));
    expect(toA.body).toMatch(/^http:\/\/[^/\s]+\/$/m); // the home page: what the agency still owes
    expect(toA.body).toContain(`/commitments/${codes.a1}">`); // (the HTML part)
    expect(toA.body).not.toContain('/api/');
    const inbox = await focalA1.http.get('/api/v1/me/notifications').expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'call_for_inputs', status: 'sent', link: '/' });
    // what the inbox words it from, in the reader's language
    expect(inbox.body.items[0].facts).toMatchObject({ year: YEAR, agency: agencyA, count: 2 });
    expect(inbox.body.unread).toBe(1);
    await focalA1.http.post(`/api/v1/me/notifications/${inbox.body.items[0].id}/read`).expect(200);
    expect((await focalA1.http.get('/api/v1/me/notifications?unread=true').expect(200)).body.items).toHaveLength(0);
    await focalB.http.post(`/api/v1/me/notifications/${inbox.body.items[0].id}/read`).expect(404); // not theirs
  });

  it('schedules the reminders 14 and 3 days before the deadline as delayed jobs with deterministic ids', async () => {
    const deadline = '2061-01-16T04:59:59.999Z';
    for (const days of [14, 3]) {
      const fireAt = new Date(new Date(deadline).getTime() - days * 86_400_000).toISOString();
      const job = await queue.getJob(`cycle-${YEAR}-reminder-${days}-${stamp(fireAt)}`);
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('delayed');
      expect(job!.data.fireAt).toBe(fireAt);
      // the delay was computed from the test clock: it fires when the clock reaches fireAt
      expect(
        Math.abs(job!.timestamp + job!.opts.delay! - (Date.now() + (new Date(fireAt).getTime() - api.clock.now().getTime()))),
      ).toBeLessThan(60_000);
    }
  });

  it('reminds only agencies that still owe, listing only what is missing, when the time comes', async () => {
    await focalB.http.post(`/api/v1/commitments/${codes.b1}/progress-reports`).send({ period: YEAR, summary: 'Reported.' }).expect(201);
    await focalA1.http.post(`/api/v1/commitments/${codes.a1}/progress-reports`).send({ period: YEAR, kind: 'no_change' }).expect(201);
    api.clock.set('2061-01-02T05:00:00Z'); // 14 days before the deadline, and a bit
    await sweep();
    await eventually(() => expect(ours(focalA1.user.email)).toHaveLength(2));
    const reminder = ours(focalA1.user.email)[1];
    expect(reminder.subject).toMatch(/^Reminder: 1 HLD follow-up report\(s\) from T\w+ due 15 January 2061/);
    expect(reminder.body).toContain(codes.a2);
    expect(reminder.body).not.toContain(codes.a1);
    // the reminder ran (A got it): of this file's focal points, it was for A's only (cycles are global: other files'
    // agencies that owe get it too); B reported everything and was told nothing
    const key = `cycle-${YEAR}-reminder-14-${stamp(new Date(new Date('2061-01-16T04:59:59.999Z').getTime() - 14 * 86_400_000).toISOString())}`;
    const mine = [focalA1, focalA2, focalB].map((f) => f.user.id);
    expect((await recipientsOf(`${key}|%`)).filter((id) => mine.includes(id))).toEqual([focalA1.user.id, focalA2.user.id].sort());
    expect(await recipientsOf(`cycle-${YEAR}-reminder-%`)).not.toContain(focalB.user.id); // (no reminder of this cycle at all…)
    expect((await recipientsOf(`cycle-${YEAR}-open-%`)).filter((id) => id === focalB.user.id)).toHaveLength(1); // (…but its call for inputs)
    expect(ours(focalB.user.email)).toHaveLength(1);
  });

  it('moving the deadline moves the pending reminders; the old one fires stale and sends nothing', async () => {
    const aboutThisCycle = () => sink.messages.filter((m) => /20(60|61)/.test(m.subject)).length;
    await deliveriesIdle(); // (the reminder before went to other files' agencies too: let it all arrive)
    const before = aboutThisCycle();
    await api.http.patch(`/api/v1/reporting-cycles/${YEAR}`).send({ deadline: '2061-01-31' }).expect(200);
    const newFire = new Date(new Date('2061-02-01T04:59:59.999Z').getTime() - 3 * 86_400_000).toISOString();
    await eventually(async () => expect(await queue.getJob(`cycle-${YEAR}-reminder-3-${stamp(newFire)}`)).toBeDefined());
    const oldKey = `cycle-${YEAR}-reminder-3-${stamp('2061-01-13T04:59:59.999Z')}`;
    const old = await queue.getJob(oldKey);
    expect(await old?.getState()).toBe('delayed');
    await old!.changeDelay(0); // let the old one fire now
    await eventually(async () => expect(await old!.getState()).toBe('completed'));
    // stale: it recorded neither its run nor a notification (so nothing can be sent for it, now or later)
    expect((await queue.getJob(oldKey))!.returnvalue).toBe(0);
    expect(await ran(oldKey)).toBe(false);
    expect(await recipientsOf(`${oldKey}|%`)).toEqual([]);
    await deliveriesIdle();
    expect(aboutThisCycle()).toBe(before);
  });

  it('after the deadline: overdue notices to focal points, a digest to coordinators; a re-run sends nothing twice', async () => {
    api.clock.set('2061-02-01T06:00:00Z');
    await sweep();
    const isOverdueNotice = (m: { subject: string }) => m.subject.startsWith('Overdue:') && m.subject.endsWith(`for ${YEAR}`);
    await eventually(() => expect(sink.to(focalA2.user.email).some(isOverdueNotice)).toBe(true));
    const overdue = sink.to(focalA2.user.email).find(isOverdueNotice)!;
    expect(overdue.body).toContain(codes.a2);
    // (other test files' cycles, long past at this clock, may send their own digests: pick this cycle's)
    const isOurs = (m: { subject: string }) =>
      m.subject.startsWith('HLD follow-up digest') && m.subject.endsWith(`after the ${YEAR} deadline`);
    await eventually(() => expect(sink.to(api.coordinator.user.email).some(isOurs)).toBe(true));
    const digest = sink.to(api.coordinator.user.email).find(isOurs)!;
    expect(digest.body).toContain(codes.a2);
    expect(digest.body).toContain(agencyA);
    expect(digest.body).not.toContain(codes.b1);
    expect(digest.body).toMatch(/^All overdue commitments: http:\/\/[^/\s]+\/commitments\?overdue=true$/m); // the web app's list
    expect(digest.body).not.toContain('/api/');

    // the same deadline job again (a retried or duplicated job): nothing new is recorded or sent
    const aboutThisCycle = () => sink.messages.filter((m) => /20(60|61)/.test(m.subject)).length;
    await eventually(async () => {
      const [{ unsent }] = await api.db.query(
        `SELECT count(*)::int AS unsent FROM notifications WHERE dedupe_key LIKE 'cycle-${YEAR}-deadline-%' AND status <> 'sent'`,
      );
      expect(unsent).toBe(0);
    });
    const count = aboutThisCycle();
    const key = `cycle-${YEAR}-deadline-${stamp('2061-02-01T04:59:59.999Z')}`;
    const recorded = await recipientsOf(`${key}|%`);
    expect(recorded.length).toBeGreaterThan(0);
    const done = await queue.getJob(key);
    await done!.remove();
    await queue.add('cycle-deadline', done!.data, { jobId: key });
    await eventually(async () => expect(await (await queue.getJob(key))?.getState()).toBe('completed'));
    expect((await queue.getJob(key))!.returnvalue).toBe(0); // it found its run recorded, and recorded nothing
    expect(await recipientsOf(`${key}|%`)).toEqual(recorded);
    await sweep();
    expect(await (await queue.getJob(key))?.getState()).toBe('completed'); // the sweep knows it ran: not planned again
    expect(await recipientsOf(`${key}|%`)).toEqual(recorded);
    await deliveriesIdle();
    expect(aboutThisCycle()).toBe(count);
  });

  it('Redis lost the schedule: the sweep restores it from PostgreSQL, and nothing is sent twice', async () => {
    api.clock.set('2060-03-01T00:00:00Z');
    const c = (
      await api.http
        .post('/api/v1/commitments')
        .send(aCommitment({ leadAgency: agencyA, supportingAgencies: [], dueDate: '2060-04-30' }))
        .expect(201)
    ).body;
    const key30 = `due-${c.id}-reminder-30-2060-04-30`;
    await eventually(async () => expect(await queue.getJob(key30)).toBeDefined());
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys); // what a restart without persistence does to our keys
    redis.disconnect();
    expect(await queue.getJob(key30)).toBeUndefined();
    await sweep();
    expect(await queue.getJob(key30)).toBeDefined();
    api.clock.set('2060-03-31T01:00:00Z');
    const aboutIt = () => sink.to(focalA1.user.email).filter((m) => m.subject.startsWith(c.code));
    await sweep();
    await eventually(() => expect(aboutIt()).toHaveLength(1));
    expect(aboutIt()[0].subject).toBe(`${c.code} is due in 30 day(s) (2060-04-30)`);
    const recorded = await recipientsOf(`${key30}|%`);
    expect(recorded).toEqual([focalA1.user.id, focalA2.user.id].sort());
    await sweep();
    expect(await (await queue.getJob(key30))?.getState()).toBe('completed'); // it ran: the sweep does not plan it again
    expect(await recipientsOf(`${key30}|%`)).toEqual(recorded);
    await deliveriesIdle();
    expect(aboutIt()).toHaveLength(1);
  });

  it('SMTP down: retries with backoff, then failed and visible to admins, then a manual retry delivers it', async () => {
    const admin = await api.signIn('admin');
    sink.failing = true;
    api.clock.set('2060-05-02T00:00:00Z'); // the due date above has passed: overdue notice
    await sweep();
    const find = async () =>
      (await admin.http.get('/api/v1/admin/notifications?status=failed&limit=200').expect(200)).body.items.find(
        (n: { kind: string; recipientEmail: string }) => n.kind === 'due_date_overdue' && n.recipientEmail === focalA2.user.email,
      );
    await eventually(async () => expect(await find()).toBeDefined(), 20_000);
    const failed = await find();
    expect(failed).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/451/) });
    await focalA1.http.get('/api/v1/admin/notifications?status=failed').expect(403);
    sink.failing = false;
    await admin.http.post(`/api/v1/admin/notifications/${failed.id}/retry`).expect(200);
    await eventually(() =>
      expect(sink.to(focalA2.user.email).some((m) => m.subject.startsWith('Overdue:') && m.subject.includes('was due'))).toBe(true),
    );
    await admin.http.post(`/api/v1/admin/notifications/${failed.id}/retry`).expect(409); // sent now, not failed
  });

  it('two workers at once send each message once', async () => {
    const second = await startTestWorker(api.clock);
    try {
      api.clock.set('2062-11-05T12:00:00Z');
      const c = (
        await api.http
          .post('/api/v1/commitments')
          .send(aCommitment({ leadAgency: agencyB, supportingAgencies: [] }))
          .expect(201)
      ).body;
      await api.http.post('/api/v1/reporting-cycles').send({ year: 2062, opensAt: '2062-11-01' }).expect(201);
      await eventually(() => expect(sink.to(focalB.user.email).filter((m) => m.body.includes(c.code))).toHaveLength(1));
      await Promise.all([sweep(), second.get(ReminderTicker).sweep()]);
      const open = (await recipientsOf(`cycle-2062-open-%`)).filter((id) => id === focalB.user.id);
      expect(open).toHaveLength(1); // decided once
      await deliveriesIdle(); // and whatever either worker had queued has been delivered
      expect(sink.to(focalB.user.email).filter((m) => m.body.includes(c.code))).toHaveLength(1);
      const ids = sink.messages.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await second.close();
    }
  });

  it("the weekly digest is the clock's week: one per week, whatever the machine's date", async () => {
    api.clock.set('2062-11-20T14:00:00Z'); // a Monday, in ISO week 2062-W47
    await queue.add('weekly-digest', {});
    await eventually(async () => expect(await ran('digest-weekly-2062-W47')).toBe(true));
    expect(await recipientsOf('digest-weekly-2062-W47|%')).toContain(api.coordinator.user.id);
    const again = await queue.add('weekly-digest', {}); // the same week again: nothing new
    await eventually(async () => expect(await again.getState()).toBe('completed'));
    expect((await queue.getJob(again.id!))!.returnvalue).toBe(0);
  });

  describe('a delivery batch', () => {
    /** Due notifications for focal point B, already marked queued so that the poll leaves them to the test. */
    const pending = async (n: number): Promise<string[]> => {
      const ids = Array.from({ length: n }, () => randomUUID());
      await api.db.query(
        `INSERT INTO notifications (id, recipient_id, recipient_email, kind, subject, body_text, body_html, dedupe_key, dispatched_for)
         SELECT id, $2, $3, 'due_date_reminder', 'Batch ' || id, 'text', '<p>html</p>', 'batch-' || id, now() FROM unnest($1::uuid[]) id`,
        [ids, focalB.user.id, focalB.user.email],
      );
      return ids;
    };
    const sent = (id: string) => sink.messages.filter((m) => m.messageId === `<${id}@hld-follow-up>`).length;
    const statusOf = async (id: string) => (await api.db.query('SELECT status FROM notifications WHERE id = $1', [id]))[0].status;

    it('skips a message another worker took over while this one was busy, and sends the rest', async () => {
      const [first, takenOver, last] = await pending(3);
      sink.beforeAccept = async () => {
        sink.beforeAccept = null;
        // while the first message is with the SMTP server, another worker claims the second (its lease lapsed)
        await api.db.query(`UPDATE notifications SET attempts = attempts + 1, lease_until = now() + interval '1 minute' WHERE id = $1`, [
          takenOver,
        ]);
      };
      const outcomes = await worker.get(DeliverNotification).deliverBatch([first, takenOver, last]);
      expect(outcomes).toEqual(['sent', 'nothing-to-do', 'sent']);
      expect([sent(first), sent(takenOver), sent(last)]).toEqual([1, 0, 1]);
      expect([await statusOf(first), await statusOf(takenOver), await statusOf(last)]).toEqual(['sent', 'sending', 'sent']);
    });

    it('two batches over the same messages, at once, send each message once', async () => {
      const ids = await pending(6);
      const delivery = worker.get(DeliverNotification);
      await Promise.all([delivery.deliverBatch(ids), delivery.deliverBatch([...ids].reverse()), delivery.deliverBatch(ids.slice(2, 4))]);
      expect(ids.map(sent)).toEqual([1, 1, 1, 1, 1, 1]);
      for (const id of ids) expect(await statusOf(id)).toBe('sent');
    });
  });
});
