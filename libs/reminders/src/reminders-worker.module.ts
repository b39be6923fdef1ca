import { Module, OnModuleInit } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { CqrsModule } from '@nestjs/cqrs';
import { AgenciesModule } from '@hld/agencies';
import { CommitmentsModule } from '@hld/commitments';
import { IdentityModule } from '@hld/identity';
import { ReportingCyclesModule } from '@hld/reporting-cycles';
import { NotificationLedger } from './notification-ledger.js';
import { loadTemplates } from './notification-templates.js';
import { Mailer } from './mailer.js';
import { DeliverNotification } from './deliver-notification.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderJobs } from './reminder-jobs.js';
import { EventRelay } from './event-relay.js';
import { ReminderTicker } from './reminder-ticker.js';
import { RemindersProcessor } from './reminders.processor.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { NOTIFICATIONS_QUEUE, REMINDERS_QUEUE } from './queues.js';

/** The worker side of reminders: scheduling, deciding, delivering. Only the worker imports it. */
@Module({
  imports: [
    CqrsModule,
    AgenciesModule,
    CommitmentsModule,
    IdentityModule,
    ReportingCyclesModule,
    BullModule.registerQueue({ name: REMINDERS_QUEUE }, { name: NOTIFICATIONS_QUEUE }),
  ],
  providers: [
    NotificationLedger,
    Mailer,
    DeliverNotification,
    NotificationDispatcher,
    ReminderScheduler,
    ReminderJobs,
    EventRelay,
    ReminderTicker,
    RemindersProcessor,
    NotificationsProcessor,
  ],
  exports: [ReminderScheduler, ReminderTicker, EventRelay, NotificationDispatcher],
})
export class RemindersWorkerModule implements OnModuleInit {
  onModuleInit(): void {
    loadTemplates(); // a missing template stops the worker at start-up
  }
}
