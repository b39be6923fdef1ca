import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { eventually, SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { exited, startBuilt } from '../helpers/child-process.js';

/** Reliability scenario 12: SIGTERM under load drains HTTP and lets in-flight deliveries finish; nothing is sent twice. */
describe('Graceful shutdown', () => {
  const sink = new SmtpSink();
  const saved = { ...process.env };
  const prefix = `hld-test-stop-${randomUUID().slice(0, 8)}`;
  let api: TestApi;

  const env = () => ({ QUEUE_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, POLL_INTERVAL_MS: '100', LOG_LEVEL: 'log' });
  const exit = async (child: ChildProcess) => (await exited(child)).code;
  const printed = (child: ChildProcess, pattern: RegExp) =>
    new Promise<void>((resolve) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (pattern.test(out)) resolve();
      });
    });

  beforeAll(async () => {
    await sink.start();
    process.env.JWT_SECRET = 'a-shared-secret-for-the-shutdown-test-0123456789';
    api = await startTestApi(); // the same secret: its tokens work against the child API
  });
  afterAll(async () => {
    await api.close();
    await sink.stop();
    process.env = saved;
  });

  it('the API answers every request it accepted before SIGTERM, then exits 0', async () => {
    const port = 3700 + Math.floor(Math.random() * 90);
    const child = startBuilt('api', { ...env(), PORT: String(port) });
    await printed(child, /listening on/);
    const requests = Array.from({ length: 40 }, () =>
      fetch(`http://127.0.0.1:${port}/api/v1/commitments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.coordinator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(aCommitment()),
      }).then(
        // a 503 while closing must still be a problem+json answer
        (r) => (r.status === 503 && !r.headers.get('content-type')?.startsWith('application/problem+json') ? 'plain 503' : r.status),
        () => 'refused',
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const statuses = await Promise.all(requests);
    expect(await exit(child)).toBe(0);
    // each request got its answer, or was turned away (503 while closing, or refused once closed): none cut off
    expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 'refused')).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
  });

  it('a SIGTERM during start-up stops the worker once it has started, with exit 0, not a kill mid-sweep', async () => {
    const child = startBuilt('worker', env());
    await printed(child, /Starting Nest application/);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });

  it('the worker lets in-flight deliveries finish on SIGTERM; a restart sends the rest, each once', async () => {
    const agency = await aFreshAgency(api.db);
    const focals = await Promise.all(Array.from({ length: 20 }, () => api.signIn('focal_point', agency)));
    await api.http
      .post('/api/v1/commitments')
      .send(aCommitment({ leadAgency: agency, supportingAgencies: [] }))
      .expect(201);
    const now = new Date();
    await api.http
      .post('/api/v1/reporting-cycles')
      .send({ year: 2073, opensAt: now.toISOString(), deadline: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10) })
      .expect(201);

    // (the sink may already hold messages an earlier worker of this file sent: wait for this cycle's)
    const ofThisCycle = () => sink.messages.filter((m) => m.subject.includes('2073')).length;
    const first = startBuilt('worker', env());
    await eventually(() => expect(ofThisCycle()).toBeGreaterThan(0), 20_000, 5);
    first.kill('SIGTERM');
    expect(await exited(first)).toEqual({ code: 0, signal: null });
    // drained: nothing of this cycle was left half-sent, waiting for its lease to lapse (other files' workers,
    // SIGKILLed on purpose, may have left theirs)
    const [{ sending }] = await api.db.query(
      `SELECT count(*)::int AS sending FROM notifications WHERE dedupe_key LIKE 'cycle-2073-%' AND status = 'sending'`,
    );
    expect(sending).toBe(0);
    const second = startBuilt('worker', env());
    try {
      for (const focal of focals)
        await eventually(() => expect(sink.to(focal.user.email).filter((m) => m.subject.includes('2073'))).toHaveLength(1), 20_000);
      // the cycle also reminds focal points other test files created: wait for those too, not just ours
      const unsent = async () =>
        (await api.db.query(`SELECT count(*)::int AS open FROM notifications WHERE dedupe_key LIKE 'cycle-2073-%' AND status <> 'sent'`))[0]
          .open;
      await eventually(async () => expect(await unsent()).toBe(0), 20_000);
      const ids = sink.messages.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      second.kill('SIGTERM');
      await exit(second);
    }
  });
});
