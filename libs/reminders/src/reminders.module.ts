import { Module } from '@nestjs/common';
import { NotificationLedger } from './notification-ledger.js';
import { NotificationsController } from './http/notifications.controller.js';

/** The API side of reminders: the inbox and the admins' view of deliveries. Timed work is the worker's. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationLedger],
  exports: [NotificationLedger],
})
export class RemindersModule {}
