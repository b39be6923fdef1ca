import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Notification, NotificationStatus } from '../notification-ledger.js';
import { NOTIFICATION_KINDS } from '../notification-templates.js';

export const NOTIFICATION_STATUSES: NotificationStatus[] = ['pending', 'sending', 'sent', 'failed', 'suppressed'];

/** The OpenAPI shape of a notification as the API answers it (the inbox, and the admins' delivery review). */
export class NotificationResponse implements Notification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty() subject: string;
  @ApiProperty() bodyText: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES, description: 'of the email delivery' }) status: NotificationStatus;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: unread' }) readAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/commitments/ILO-a', description: 'the web page it speaks of (a path)' })
  link: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    nullable: true,
    description: 'the plain values it was written with (year, agency, count, code, dueDate…), to word it in another language',
  })
  facts: Record<string, string | number | boolean | null> | null;
  @ApiPropertyOptional({ description: "in the admins' review only" }) recipientEmail?: string;
}

export class InboxResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'unread first, then newest first' }) items: NotificationResponse[];
  @ApiProperty({ type: 'integer', description: 'how many are unread in all' }) unread: number;
}

export class MarkedAllReadResponse {
  @ApiProperty({ type: 'integer', description: 'how many were marked read' }) marked: number;
  @ApiProperty({ type: 'integer', description: 'how many are unread now' }) unread: number;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'newest first' }) items: NotificationResponse[];
}
