import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { UnitOfWork } from '@hld/persistence';
import { NOTIFICATIONS_QUEUE } from './queues.js';

/**
 * Hands due notifications to the delivery queue. Job ids are `deliver-<id>-<attempts>-<due time>`: the same
 * attempt is queued once however often this runs, and a later attempt (a backoff, an admin's retry) gets a job
 * of its own. Runs right after reminders
 * record notifications, and on every poll, so what Redis lost (or never got) is queued again from PostgreSQL.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly unitOfWork: UnitOfWork,
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

  async enqueue(rows: Array<{ id: string; attempts: number; due: string }>): Promise<void> {
    if (rows.length === 0) return;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: 'deliver',
        data: { id: r.id },
        opts: { jobId: `deliver-${r.id}-${r.attempts}-${r.due}`, attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
      })),
    );
    await this.unitOfWork.manager.query(`UPDATE notifications SET dispatched_for = next_attempt_at WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
  }
}
