import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { Environment } from '@hld/config';
import { UnitOfWork } from '@hld/persistence';
import { NOTIFICATIONS_QUEUE, type DeliveryJob } from './queues.js';

/**
 * Hands due notifications to the delivery queue. Job ids follow each row's `<id>-<attempts>-<due time>`: the
 * same attempt is queued once however often this runs, and a later attempt (a backoff, an admin's retry) gets a
 * job of its own. Runs right after reminders
 * record notifications, and on every poll, so what Redis lost (or never got) is queued again from PostgreSQL.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly unitOfWork: UnitOfWork,
    private readonly env: Environment,
  ) {}

  /**
   * Queues every due attempt not queued yet. With `requeueStuck` (the sweep), also attempts queued more than a
   * minute ago and still pending: their job was lost with Redis.
   */
  async dispatchDue(options: { requeueStuck?: boolean; limit?: number } = {}): Promise<number> {
    const rows: Array<{ id: string; attempts: number; due: string }> = await this.unitOfWork.manager.query(
      `SELECT id, attempts, (extract(epoch FROM next_attempt_at) * 1000)::bigint::text AS due FROM notifications
       WHERE next_attempt_at <= now()
         AND ((status = 'pending' AND (dispatched_for IS DISTINCT FROM next_attempt_at
                                       OR ($2 AND next_attempt_at < now() - interval '1 minute')))
              OR (status = 'sending' AND lease_until < now()))
       ORDER BY next_attempt_at LIMIT $1`,
      [options.limit ?? 1000, options.requeueStuck ?? false],
    );
    await this.enqueue(rows);
    return rows.length;
  }

  /**
   * Queues the rows in batches, one job per batch, spread over the workers' concurrency: a job per message
   * would cost BullMQ's overhead for each. A batch's job id is derived from its rows' attempts, so polling
   * again queues nothing new; a notification in two jobs (regrouped after a restart) is still sent once, since
   * each message is claimed before it is sent.
   */
  async enqueue(rows: Array<{ id: string; attempts: number; due: string }>): Promise<void> {
    if (rows.length === 0) return;
    const size = Math.min(MAX_BATCH, Math.ceil(rows.length / this.env.NOTIFICATION_CONCURRENCY));
    const batches = Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
    await this.queue.addBulk(
      batches.map((batch): DeliveryJob & { opts: JobsOptions } => ({
        name: 'deliver',
        data: { ids: batch.map((r) => r.id) },
        opts: { jobId: `deliver-${batchKey(batch)}` },
      })),
    );
    await this.unitOfWork.manager.query(`UPDATE notifications SET dispatched_for = next_attempt_at WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
  }
}

/** At most this many messages per delivery job, so one slow batch does not hold up the rest for long. */
const MAX_BATCH = 25;

const batchKey = (rows: Array<{ id: string; attempts: number; due: string }>): string =>
  rows.length === 1
    ? `${rows[0].id}-${rows[0].attempts}-${rows[0].due}`
    : createHash('sha256')
        .update(rows.map((r) => `${r.id}-${r.attempts}-${r.due}`).join(','))
        .digest('base64url');
