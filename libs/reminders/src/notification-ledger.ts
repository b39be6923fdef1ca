import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { renderNotification, type NotificationKind } from './notification-templates.js';

export interface NotificationDraft {
  recipient: { id: string; email: string; name: string };
  kind: NotificationKind;
  /** Same decision, same key: a re-run of a reminder inserts nothing new. */
  dedupeKey: string;
  /** The web page it speaks of, as a path (WEB_PAGES): the inbox links there. */
  link: string;
  model: Record<string, unknown>;
}

/** The plain values a notification was written with (year, agency, counts, code…): the inbox words it from them. */
export type NotificationFacts = Record<string, string | number | boolean | null>;

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  bodyText: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  readAt: string | null;
  /** The web page it speaks of (a path on the web app); null for notifications recorded before links were kept. */
  link: string | null;
  facts: NotificationFacts | null;
  recipientEmail?: string;
}

interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body_text: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
  recipient_email: string;
  link: string | null;
  facts: NotificationFacts | null;
}

const toNotification = (r: NotificationRow, withRecipient = false): Notification => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  bodyText: r.body_text,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
  readAt: r.read_at?.toISOString() ?? null,
  link: r.link,
  facts: r.facts,
  ...(withRecipient ? { recipientEmail: r.recipient_email } : {}),
});

const COLUMNS = 'id, kind, subject, body_text, status, attempts, last_error, created_at, sent_at, read_at, recipient_email, link, facts';

/** The model's plain values, without the recipient's name and the absolute links (the row keeps the path). */
const factsOf = (model: Record<string, unknown>): NotificationFacts =>
  Object.fromEntries(
    Object.entries(model).filter(
      ([key, value]) => key !== 'link' && key !== 'listLink' && (value === null || ['string', 'number', 'boolean'].includes(typeof value)),
    ),
  ) as NotificationFacts;

export class NotificationNotFound extends DomainError {
  constructor(id: string) {
    super('NOTIFICATION_NOT_FOUND', 'not_found', `No notification ${id} here.`);
  }
}

/**
 * The notification ledger: one row per message decided, written in the transaction that decides it, delivered
 * afterwards. The inbox reads it; admins see and retry what failed.
 */
@Injectable()
export class NotificationLedger {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Records the drafts (rendered now) in `tx`, in one statement; returns the ids of those that were new. */
  async record(tx: EntityManager, drafts: NotificationDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
    for (const d of drafts) {
      const message = renderNotification(d.kind, { name: d.recipient.name, ...d.model });
      const row = [
        randomUUID(),
        d.recipient.id,
        d.recipient.email,
        d.kind,
        message.subject,
        message.text,
        message.html,
        d.dedupeKey,
        d.link,
        JSON.stringify(factsOf(d.model)),
      ];
      row.forEach((value, i) => columns[i].push(value));
    }
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO notifications (id, recipient_id, recipient_email, kind, subject, body_text, body_html, dedupe_key, link, facts)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      columns,
    );
    return rows.map((r) => r.id);
  }

  /** The user's notifications, unread first, then newest first; and how many are unread. */
  async inbox(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<{ items: Notification[]; unread: number }> {
    const rows: NotificationRow[] = await this.unitOfWork.manager.query(
      `SELECT ${COLUMNS} FROM notifications WHERE recipient_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
       ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT $2`,
      [userId, options.limit],
    );
    return { items: rows.map((r) => toNotification(r)), unread: await this.unreadCount(userId) };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = await this.unitOfWork.manager.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [userId],
    );
    return unread;
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const [row] = await this.unitOfWork.manager.query(
      `WITH marked AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING ${COLUMNS})
       SELECT * FROM marked`,
      [id, userId],
    );
    if (!row) throw new NotificationNotFound(id);
    return toNotification(row);
  }

  /** Marks every unread notification of the user read; returns how many it marked. */
  async markAllRead(userId: string): Promise<number> {
    const [{ marked }] = await this.unitOfWork.manager.query(
      `WITH marked AS (UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL RETURNING 1)
       SELECT count(*)::int AS marked FROM marked`,
      [userId],
    );
    return marked;
  }

  async byStatus(status: NotificationStatus, limit: number): Promise<Notification[]> {
    const rows: NotificationRow[] = await this.unitOfWork.manager.query(
      `SELECT ${COLUMNS} FROM notifications WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [status, limit],
    );
    return rows.map((r) => toNotification(r, true));
  }

  /** Puts a failed notification back in line for delivery, with a fresh count of attempts. */
  async retry(id: string): Promise<Notification> {
    const [row] = await this.unitOfWork.manager.query(
      `WITH retried AS (
         UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
         WHERE id = $1 AND status = 'failed' RETURNING ${COLUMNS})
       SELECT * FROM retried`,
      [id],
    );
    if (!row) {
      const [exists] = await this.unitOfWork.manager.query('SELECT status FROM notifications WHERE id = $1', [id]);
      if (!exists) throw new NotificationNotFound(id);
      throw new DomainError(
        'NOTIFICATION_NOT_FAILED',
        'conflict',
        `Only failed notifications can be retried; this one is ${exists.status}.`,
        {
          notificationStatus: exists.status,
        },
      );
    }
    return toNotification(row, true);
  }
}
