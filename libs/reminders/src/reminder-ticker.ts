import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Environment } from '@hld/config';
import { EventRelay } from './event-relay.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { REMINDERS_QUEUE, type WeeklyDigest } from './queues.js';

/**
 * The worker's own clockwork, on timers of this process rather than jobs in Redis (which a Redis restart would
 * lose): poll the event log and the due notifications every POLL_INTERVAL_MS, and sweep the whole schedule at
 * start-up and every SWEEP_INTERVAL_SECONDS. Each loop runs one pass at a time; a failed pass (Redis or
 * PostgreSQL down) is logged and tried again on the next tick.
 */
@Injectable()
export class ReminderTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderTicker.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly relay: EventRelay,
    private readonly dispatcher: NotificationDispatcher,
    private readonly scheduler: ReminderScheduler,
    private readonly env: Environment,
    @InjectQueue(REMINDERS_QUEUE) private readonly reminders: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.once('sweep', () => this.sweep());
    this.every('poll', this.env.POLL_INTERVAL_MS, async () => {
      await this.relay.catchUp();
      await this.dispatcher.dispatchDue();
    });
    this.every('sweep', this.env.SWEEP_INTERVAL_SECONDS * 1000, () => this.sweep());
  }

  /** Stops the timers and waits for a pass in progress, before the connections it uses close. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Everything from PostgreSQL, and the weekly digest's scheduler (which a Redis flush would have lost). */
  async sweep(): Promise<void> {
    await this.relay.catchUp();
    const scheduled = await this.scheduler.sweep();
    const digest: WeeklyDigest = { name: 'weekly-digest', data: {} };
    await this.reminders.upsertJobScheduler(digest.name, { pattern: '0 9 * * 1', tz: 'America/New_York' }, digest);
    await this.dispatcher.dispatchDue({ requeueStuck: true });
    this.logger.log(`sweep: ${scheduled} reminder job(s) added or moved`);
  }

  private every(name: string, ms: number, pass: () => Promise<unknown>): void {
    this.timers.push(setInterval(() => void this.once(name, pass), ms));
  }

  private async once(name: string, pass: () => Promise<unknown>): Promise<void> {
    if (this.running.has(name)) return;
    this.running.add(name);
    try {
      await pass();
    } catch (error) {
      this.logger.warn(`${name} pass failed: ${(error as Error).message}`);
    } finally {
      this.running.delete(name);
    }
  }
}
