import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Environment } from '@hld/config';
import { UserDirectory } from '@hld/identity';
import { absoluteUrl, NotificationLedger, WEB_PAGES } from '@hld/reminders';
import type { SummaryVersion } from '../infrastructure/summary-versions.js';

/**
 * Tells the coordinators that a summary is ready (inbox and email). Called inside the transaction that marks the
 * version done: the notifications are recorded in the reminders' ledger in that same transaction, so they exist
 * exactly when the version becomes visible (never for one that rolled back), and the reminders worker delivers
 * them afterwards.
 */
@Injectable()
export class SummaryReadyNotifier {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly users: UserDirectory,
    private readonly env: Environment,
  ) {}

  async notify(tx: EntityManager, summary: SummaryVersion): Promise<void> {
    const coordinators = await this.users.recipients('coordinator');
    const page = WEB_PAGES.annualSummary(summary.year);
    await this.ledger.record(
      tx,
      coordinators.map((recipient) => ({
        recipient,
        kind: 'summary_ready',
        dedupeKey: `summary-ready-${summary.id}|${recipient.id}`,
        link: page,
        model: { year: summary.year, version: summary.version, link: absoluteUrl(this.env.PUBLIC_URL, page) },
      })),
    );
  }
}
