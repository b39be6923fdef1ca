import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@hld/config';
import { UnitOfWork } from '@hld/persistence';
import { Mailer } from './mailer.js';
import { crashIfInjected } from './fault-injection.js';

export type DeliveryOutcome = 'sent' | 'suppressed' | 'retry-later' | 'failed' | 'nothing-to-do';

interface Claimed {
  id: string;
  recipient_email: string;
  subject: string;
  body_text: string;
  body_html: string;
  attempts: number;
}

/** Takes the due ones of these notifications: status `sending`, with a lease, unless someone else holds them or they are done. */
const CLAIM = `UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
  WHERE id = ANY($1::uuid[]) AND next_attempt_at <= now() AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
  RETURNING id, attempts`;
/** Still ours (no one took it over since): renew the lease, right before sending it. */
const CONFIRM = `UPDATE notifications SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'sending' AND attempts = $3
  RETURNING id, recipient_email, subject, body_text, body_html, attempts`;
const SENT = `status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL`;

/**
 * Sends notifications at most once per claim: a row is claimed (status `sending`, with a lease) before its
 * SMTP call and marked `sent` right after, so a re-delivered job finds it sent and skips it, and one killed
 * before sending is taken over when its lease lapses. A batch is claimed in one statement and sent one message
 * at a time; marking one sent confirms the next in the same statement: about one round trip to PostgreSQL per
 * message, and the window in which a crash could repeat a message stays one message wide. Failures are retried
 * with exponential backoff, driven by the row (next_attempt_at), until NOTIFICATION_MAX_ATTEMPTS; then the row
 * is `failed` for an admin to see.
 */
@Injectable()
export class DeliverNotification {
  private readonly logger = new Logger(DeliverNotification.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mailer: Mailer,
    private readonly env: Environment,
  ) {}

  /**
   * Claims the batch, then sends each message in turn. A message is confirmed as still ours right before it is
   * sent, in the statement that marks the previous one sent: if this worker was slow enough for its lease to
   * lapse and another took the message over, it is skipped here. A worker killed mid-batch leaves its claimed
   * messages to the dispatcher, which queues them again as soon as their lease lapses.
   */
  async deliverBatch(ids: readonly string[]): Promise<DeliveryOutcome[]> {
    const claims: Array<{ id: string; attempts: number }> = await this.unitOfWork.manager.query(
      `WITH claimed AS (${CLAIM}) SELECT * FROM claimed`,
      [ids, this.env.NOTIFICATION_LEASE_SECONDS],
    );
    const attemptsOf = new Map(claims.map((c) => [c.id, c.attempts]));
    const outcomes: DeliveryOutcome[] = [];
    let justSent: string | null = null;
    for (const id of ids) {
      const attempts = attemptsOf.get(id);
      if (attempts === undefined) {
        outcomes.push('nothing-to-do'); // sent, failed, suppressed, held by another worker, or not due (the dispatcher brings it back)
        continue;
      }
      const claimed = await this.confirm(id, attempts, justSent);
      if (justSent) crashIfInjected('crash-after-smtp'); // (fault injection: killed right after the mark)
      justSent = null;
      if (!claimed) {
        outcomes.push('nothing-to-do'); // our lease lapsed and another worker took it over
        continue;
      }
      const outcome = await this.send(claimed);
      if (outcome === 'sent') justSent = id;
      outcomes.push(outcome);
    }
    if (justSent) {
      await this.mark(justSent, SENT);
      crashIfInjected('crash-after-smtp');
    }
    return outcomes;
  }

  /** Confirms `id` is still ours; marks the message sent just before, if any, in the same statement. */
  private async confirm(id: string, attempts: number, justSent: string | null): Promise<Claimed | undefined> {
    const [claimed]: Claimed[] = await this.unitOfWork.manager.query(
      justSent
        ? `WITH sent AS (UPDATE notifications SET ${SENT} WHERE id = $4), confirmed AS (${CONFIRM}) SELECT * FROM confirmed`
        : `WITH confirmed AS (${CONFIRM}) SELECT * FROM confirmed`,
      justSent ? [id, this.env.NOTIFICATION_LEASE_SECONDS, attempts, justSent] : [id, this.env.NOTIFICATION_LEASE_SECONDS, attempts],
    );
    return claimed;
  }

  /** The SMTP call, and what to record when it fails; a success is recorded by the caller. */
  private async send(claimed: Claimed): Promise<DeliveryOutcome> {
    const { id } = claimed;
    if (!this.env.NOTIFICATIONS_ENABLED) {
      await this.mark(id, `status = 'suppressed', lease_until = NULL`);
      return 'suppressed';
    }
    crashIfInjected('crash-before-smtp');
    try {
      await this.mailer.send({
        to: claimed.recipient_email,
        subject: claimed.subject,
        text: claimed.body_text,
        html: claimed.body_html,
        messageId: `<${id}@hld-follow-up>`,
      });
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      if (claimed.attempts >= this.env.NOTIFICATION_MAX_ATTEMPTS) {
        await this.mark(id, `status = 'failed', lease_until = NULL, last_error = $2`, [message]);
        this.logger.error(`notification ${id} failed after ${claimed.attempts} attempts: ${message}`);
        return 'failed';
      }
      const backoff = this.env.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** (claimed.attempts - 1);
      await this.mark(id, `status = 'pending', lease_until = NULL, last_error = $2, next_attempt_at = now() + make_interval(secs => $3)`, [
        message,
        backoff,
      ]);
      this.logger.warn(`notification ${id}: attempt ${claimed.attempts} failed (${message}); next in ${backoff} s`);
      return 'retry-later';
    }
  }

  private async mark(id: string, assignments: string, params: unknown[] = []): Promise<void> {
    await this.unitOfWork.manager.query(`UPDATE notifications SET ${assignments} WHERE id = $1`, [id, ...params]);
  }
}
