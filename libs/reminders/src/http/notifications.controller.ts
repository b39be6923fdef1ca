import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Type, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { Endpoint, Omittable, Performs, uuidParam } from '@hld/http';
import { NotificationLedger, type Notification, type NotificationStatus } from '../notification-ledger.js';
import { NOTIFICATION_POLICY } from '../domain/notification-policy.js';
import {
  InboxResponse,
  MarkedAllReadResponse,
  NOTIFICATION_STATUSES as STATUSES,
  NotificationListResponse,
  NotificationResponse,
} from './notification-responses.js';

export class InboxQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only the unread ones' })
  @Omittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class AdminNotificationsQuery {
  @ApiProperty({ enum: STATUSES }) @IsIn(STATUSES) status: NotificationStatus;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

const NOTIFICATION_ID = { id: uuidParam('the notification id') };

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly ledger: NotificationLedger) {}

  /** The signed-in user's in-app inbox: unread first, then newest first. */
  @Get('me/notifications')
  @Endpoint({ summary: 'My in-app inbox, unread first, then newest first, with the number unread', ok: InboxResponse })
  inbox(@Req() request: FastifyRequest, @Query() query: InboxQuery): Promise<{ items: Notification[]; unread: number }> {
    return this.ledger.inbox(request.principal!.id, { unreadOnly: query.unread ?? false, limit: query.limit });
  }

  @Post('me/notifications/:id/read')
  @Endpoint({ summary: 'Mark one of my notifications as read', ok: NotificationResponse, params: NOTIFICATION_ID, problems: [404] })
  markRead(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<Notification> {
    return this.ledger.markRead(request.principal!.id, id);
  }

  @Post('me/notifications/read-all')
  @Endpoint({ summary: 'Mark every notification of mine read', ok: MarkedAllReadResponse })
  async markAllRead(@Req() request: FastifyRequest): Promise<MarkedAllReadResponse> {
    const userId = request.principal!.id;
    const marked = await this.ledger.markAllRead(userId);
    return { marked, unread: await this.ledger.unreadCount(userId) };
  }

  /** Admins see notifications by status (e.g. `failed` after the last retry)… */
  @Get('admin/notifications')
  @Performs(NOTIFICATION_POLICY, 'review_deliveries')
  @Endpoint({ summary: 'Notifications by delivery status, e.g. those that failed (admin)', ok: NotificationListResponse, problems: [403] })
  async byStatus(@Query() query: AdminNotificationsQuery): Promise<{ items: Notification[] }> {
    return { items: await this.ledger.byStatus(query.status, query.limit) };
  }

  /** …and put a failed one back in line; the worker delivers it on its next poll. */
  @Post('admin/notifications/:id/retry')
  @Performs(NOTIFICATION_POLICY, 'retry_delivery')
  @Endpoint({
    summary: 'Put a failed notification back in line for delivery (admin)',
    ok: NotificationResponse,
    params: NOTIFICATION_ID,
    problems: [403, 404, 409],
  })
  retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<Notification> {
    return this.ledger.retry(id);
  }
}
