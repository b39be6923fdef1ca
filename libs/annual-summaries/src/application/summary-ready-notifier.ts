import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SummaryVersion } from '../infrastructure/summary-versions.js';

/**
 * Tells the coordinators that a summary is ready (inbox and email). Called inside the transaction that marks the
 * version done, so the notice is decided exactly when the version becomes visible, and never for a version
 * that rolled back.
 *
 * For now it only logs: the reminders outbox (the notifications table) will take its place here, as an insert
 * into `tx` per coordinator, delivered afterwards by the reminders worker.
 */
@Injectable()
export class SummaryReadyNotifier {
  private readonly logger = new Logger(SummaryReadyNotifier.name);

  async notify(_tx: EntityManager, summary: SummaryVersion): Promise<void> {
    this.logger.log(
      `The ${summary.year} annual summary, version ${summary.version}, is ready (event position ${summary.eventPosition}, ${summary.checksum}).`,
    );
  }
}
