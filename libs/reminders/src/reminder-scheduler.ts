import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Environment } from '@hld/config';
import { Clock } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { openSql } from '@hld/commitments';
import { ReportingCycleStore, type ReportingCycleState } from '@hld/reporting-cycles';
import { planCycle, planDueDate } from './reminder-plan.js';
import { REMINDERS_QUEUE, type PlannedReminder } from './queues.js';

/**
 * Makes Redis hold exactly the reminders PostgreSQL says are due: adds missing delayed jobs (deterministic ids,
 * so adding twice adds once), moves those whose time changed, and leaves alone what has already run
 * (reminder_runs). Called for one cycle or commitment when its events arrive, and for everything by the sweep.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly unitOfWork: UnitOfWork,
    private readonly cycles: ReportingCycleStore,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  get dueDateOffsets(): number[] {
    return this.env.DUE_DATE_REMINDER_OFFSETS_DAYS.split(',').map(Number);
  }

  async reconcileCycle(cycle: ReportingCycleState): Promise<number> {
    return this.ensure(planCycle(cycle, this.clock.now()));
  }

  async reconcileCommitments(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows: Array<{ id: string; due_date: string }> = await this.unitOfWork.manager.query(
      `SELECT c.id, to_char(c.due_date, 'YYYY-MM-DD') AS due_date FROM commitments_public_commitments c
       WHERE c.id = ANY($1::uuid[]) AND c.due_date IS NOT NULL AND ${openSql('c')}`,
      [ids],
    );
    const now = this.clock.now();
    return this.ensure(rows.flatMap((r) => planDueDate({ id: r.id, dueDate: r.due_date }, this.dueDateOffsets, now)));
  }

  /** The whole schedule, recomputed from PostgreSQL: repairs whatever Redis lost. */
  async sweep(): Promise<number> {
    let scheduled = 0;
    for (const cycle of await this.cycles.list()) scheduled += await this.reconcileCycle(cycle);
    const ids: Array<{ id: string }> = await this.unitOfWork.manager.query(
      `SELECT c.id FROM commitments_public_commitments c WHERE c.due_date IS NOT NULL AND ${openSql('c')}`,
    );
    for (let i = 0; i < ids.length; i += 1000) scheduled += await this.reconcileCommitments(ids.slice(i, i + 1000).map((r) => r.id));
    return scheduled;
  }

  /** Returns how many jobs it added or moved. */
  private async ensure(plan: PlannedReminder[]): Promise<number> {
    if (plan.length === 0) return 0;
    const ran = new Set(
      (
        (await this.unitOfWork.manager.query('SELECT job_key FROM reminder_runs WHERE job_key = ANY($1::text[])', [
          plan.map((p) => p.data.key),
        ])) as Array<{
          job_key: string;
        }>
      ).map((r) => r.job_key),
    );
    const now = this.clock.now().getTime();
    let changed = 0;
    for (const { name, data } of plan) {
      if (ran.has(data.key)) continue;
      const delay = Math.max(0, new Date(data.fireAt).getTime() - now);
      const job = await this.queue.getJob(data.key);
      if (!job) {
        await this.queue.add(name, data, { jobId: data.key, delay });
        changed += 1;
        continue;
      }
      const state = await job.getState();
      if (state === 'delayed') {
        // the clock the delay was computed with may have moved (tests drive it; a restored Redis is late);
        // BullMQ's timestamps are real time, so this one comparison is with Date.now(), not the clock
        const scheduledFor = job.timestamp + (job.opts.delay ?? 0);
        if (Math.abs(scheduledFor - (Date.now() + delay)) > 1000) {
          await job.changeDelay(delay);
          changed += 1;
        }
      } else if (state === 'failed') {
        await job.retry('failed');
        changed += 1;
      }
    }
    if (changed > 0) this.logger.debug(`scheduled or moved ${changed} reminder(s)`);
    return changed;
  }
}
