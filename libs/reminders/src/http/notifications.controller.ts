import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
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

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly ledger: NotificationLedger) {}

  /** The signed-in user's in-app inbox, newest first. */
  @Get('me/notifications')
  inbox(@Req() request: FastifyRequest, @Query() query: InboxQuery): Promise<{ items: Notification[]; unread: number }> {
    return this.ledger.inbox(request.principal!.id, { unreadOnly: query.unread ?? false, limit: query.limit });
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  markRead(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<Notification> {
    return this.ledger.markRead(request.principal!.id, id);
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
