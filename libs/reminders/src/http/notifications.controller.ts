import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Type, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { Omittable, Performs } from '@hld/http';
import { NotificationLedger, type Notification, type NotificationStatus } from '../notification-ledger.js';
import { NOTIFICATION_POLICY } from '../domain/notification-policy.js';

const STATUSES: NotificationStatus[] = ['pending', 'sending', 'sent', 'failed', 'suppressed'];

export class InboxQuery {
  @ApiPropertyOptional({ type: Boolean })
  @Omittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @Omittable() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
}

export class AdminNotificationsQuery {
  @ApiProperty({ enum: STATUSES }) @IsIn(STATUSES) status: NotificationStatus;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @Omittable() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
}

/** The OpenAPI shape of a notification in the inbox. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'deadline_reminder' }) kind: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'the message as emailed, in plain text' }) bodyText: string;
  @ApiProperty({ enum: STATUSES }) status: NotificationStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/commitments/ILO-a', description: 'the web page it speaks of (a path)' })
  link: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    nullable: true,
    description: 'the plain values it was written with (year, agency, count, code, dueDate…), to word it in another language',
  })
  facts: Record<string, string | number | boolean | null> | null;
}

export class InboxResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'unread first, then newest first' }) items: NotificationResponse[];
  @ApiProperty({ description: 'how many of the user’s notifications are unread' }) unread: number;
}

export class MarkedAllReadResponse {
  @ApiProperty({ description: 'how many were marked read' }) marked: number;
  @ApiProperty({ description: 'how many are unread now' }) unread: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly ledger: NotificationLedger) {}

  /** The signed-in user's in-app inbox: unread first, then newest first. */
  @Get('me/notifications')
  @ApiOkResponse({ type: InboxResponse })
  inbox(@Req() request: FastifyRequest, @Query() query: InboxQuery): Promise<{ items: Notification[]; unread: number }> {
    return this.ledger.inbox(request.principal!.id, { unreadOnly: query.unread ?? false, limit: query.limit });
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationResponse })
  markRead(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<Notification> {
    return this.ledger.markRead(request.principal!.id, id);
  }

  @Post('me/notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification of mine read' })
  @ApiOkResponse({ type: MarkedAllReadResponse })
  async markAllRead(@Req() request: FastifyRequest): Promise<MarkedAllReadResponse> {
    const userId = request.principal!.id;
    const marked = await this.ledger.markAllRead(userId);
    return { marked, unread: await this.ledger.unreadCount(userId) };
  }

  /** Admins see notifications by status (e.g. `failed` after the last retry)… */
  @Get('admin/notifications')
  @Performs(NOTIFICATION_POLICY, 'review_deliveries')
  async byStatus(@Query() query: AdminNotificationsQuery): Promise<{ items: Notification[] }> {
    return { items: await this.ledger.byStatus(query.status, query.limit) };
  }

  /** …and put a failed one back in line; the worker delivers it on its next poll. */
  @Post('admin/notifications/:id/retry')
  @Performs(NOTIFICATION_POLICY, 'retry_delivery')
  @HttpCode(200)
  retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<Notification> {
    return this.ledger.retry(id);
  }
}
