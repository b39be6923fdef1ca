import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { eventually, SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { exited, startBuilt } from '../helpers/child-process.js';

/**
 * Reliability scenario 1: the worker process is SIGKILLed in the middle of a delivery, before and after the SMTP
 * call. After a restart, every notification reaches the SMTP sink exactly once and the ledger says sent.
 */
describe('Worker killed mid-delivery', () => {
  const sink = new SmtpSink();
  let api: TestApi;
  const prefix = `hld-test-crash-${randomUUID().slice(0, 8)}`;

  const startWorker = (fault?: string): ChildProcess =>
    startBuilt(
      'worker',
      {
        QUEUE_PREFIX: prefix,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        POLL_INTERVAL_MS: '200',
        NOTIFICATION_LEASE_SECONDS: '2',
        NOTIFICATION_CONCURRENCY: '1',
        LOG_LEVEL: 'error',
        FAULT_INJECTION: fault ?? '',
      },
      'ignore',
    );

  beforeAll(async () => {
    await sink.start();
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
    await sink.stop();
  });

  it.each([
    ['before the SMTP call', 'crash-before-smtp', 2071],
    ['after the SMTP call', 'crash-after-smtp', 2072],
  ])('killed %s: exactly one message per notification after recovery', async (_, fault, year) => {
    const agency = await aFreshAgency(api.db);
    const focal = await api.signIn('focal_point', agency);
    await api.http
      .post('/api/v1/commitments')
      .send(aCommitment({ leadAgency: agency, supportingAgencies: [] }))
      .expect(201);
    const now = new Date();
    await api.http
      .post('/api/v1/reporting-cycles')
      .send({ year, opensAt: now.toISOString(), deadline: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10) })
      .expect(201);

    const crashing = startWorker(fault);
    expect((await exited(crashing)).signal).toBe('SIGKILL'); // it died at the injected point
    const worker = startWorker();
    try {
      const mine = async () =>
        (await api.db.query(
          `SELECT status, attempts FROM notifications WHERE recipient_id = $1 AND kind = 'call_for_inputs' AND dedupe_key LIKE $2`,
          [focal.user.id, `cycle-${year}-%`],
        )) as Array<{ status: string; attempts: number }>;
      await eventually(async () => expect(await mine()).toEqual([expect.objectContaining({ status: 'sent' })]), 25_000);
      // every notification of this cycle delivered, each exactly once
      await eventually(async () => {
        const [{ open }] = await api.db.query(
          `SELECT count(*)::int AS open FROM notifications WHERE dedupe_key LIKE $1 AND status <> 'sent'`,
          [`cycle-${year}-%`],
        );
        expect(open).toBe(0);
      }, 25_000);
      const sent: Array<{ id: string }> = await api.db.query(`SELECT id FROM notifications WHERE dedupe_key LIKE $1`, [`cycle-${year}-%`]);
      for (const { id } of sent) expect(sink.messages.filter((m) => m.messageId === `<${id}@hld-follow-up>`)).toHaveLength(1);
      expect(sink.to(focal.user.email)).toHaveLength(1);
    } finally {
      worker.kill('SIGTERM');
      await exited(worker);
    }
  });
});
