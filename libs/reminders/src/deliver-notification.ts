import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@hld/config';
import { UnitOfWork } from '@hld/persistence';
import { Mailer } from './mailer.js';
import { crashIfInjected } from './fault-injection.js';

export class DeliveryInFlight extends Error {
  constructor(id: string) {
    super(`notification ${id} is being sent by another worker`);
  }
}

/**
 * Sends one notification at most once per claim: the row is claimed (status `sending`, with a lease) before
 * the SMTP call and marked `sent` right after, so a re-delivered job finds it sent and stops, and one killed
 * before sending is taken over when its lease lapses. Failures are retried with exponential backoff, driven by
 * the row (next_attempt_at), until NOTIFICATION_MAX_ATTEMPTS; then the row is `failed` for an admin to see.
 */
@Injectable()
export class DeliverNotification {
  private readonly logger = new Logger(DeliverNotification.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mailer: Mailer,
    private readonly env: Environment,
  ) {}

  async deliver(id: string): Promise<'sent' | 'suppressed' | 'retry-later' | 'failed' | 'nothing-to-do'> {
    const [claimed] = await this.unitOfWork.manager.query(
      `WITH claimed AS (
         UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
         WHERE id = $1 AND next_attempt_at <= now()
           AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
         RETURNING id, recipient_email, subject, body_text, body_html, attempts)
       SELECT * FROM claimed`,
      [id, this.env.NOTIFICATION_LEASE_SECONDS],
    );
    if (!claimed) {
      const [row] = await this.unitOfWork.manager.query(`SELECT status FROM notifications WHERE id = $1`, [id]);
      if (row?.status === 'sending') throw new DeliveryInFlight(id); // let BullMQ retry after the lease
      return 'nothing-to-do'; // sent, failed, suppressed, or not due yet (the dispatcher brings it back)
    }
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
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      if (claimed.attempts >= this.env.NOTIFICATION_MAX_ATTEMPTS) {
        await this.mark(id, `status = 'failed', lease_until = NULL, last_error = $2`, [message]);
        this.logger.error(`notification ${id} failed after ${claimed.attempts} attempts: ${message}`);
        return 'failed';
      }
      const backoff = this.env.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** (claimed.attempts - 1);
      await this.mark(id, `status = 'pending', lease_until = NULL, last_error = $2, next_attempt_at = now() + make_interval(secs => $3)`, [message, backoff]);
      this.logger.warn(`notification ${id}: attempt ${claimed.attempts} failed (${message}); next in ${backoff} s`);
      return 'retry-later';
    }
    await this.mark(id, `status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL`);
    crashIfInjected('crash-after-smtp');
    return 'sent';
  }

  private async mark(id: string, assignments: string, params: unknown[] = []): Promise<void> {
    await this.unitOfWork.manager.query(`UPDATE notifications SET ${assignments} WHERE id = $1`, [id, ...params]);
  }
}
