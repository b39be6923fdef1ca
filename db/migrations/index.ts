import { EventStore1763900000000 } from './1763900000000-event-store.js';
import { ReferenceData1763900000100 } from './1763900000100-reference-data.js';
import { CommitmentReadModels1763900000200 } from './1763900000200-commitment-read-models.js';
import { IdempotencyKeys1763900000300 } from './1763900000300-idempotency-keys.js';
import { Identity1763900000400 } from './1763900000400-identity.js';
import { ReportingCyclesAndReminders1763900000500 } from './1763900000500-reporting-cycles-and-reminders.js';
import { AnnualSummaries1763900001000 } from './1763900001000-annual-summaries.js';
import { ProgressReportWords1763900001100 } from './1763900001100-progress-report-words.js';
import { CommitmentSearchOnWrite1763900001200 } from './1763900001200-commitment-search-on-write.js';
import { CommitmentViewHotUpdates1763900001300 } from './1763900001300-commitment-view-hot-updates.js';
import { IdentityChangeNotifications1763900001400 } from './1763900001400-identity-change-notifications.js';
import { SessionFamilies1763900001600 } from './1763900001600-session-families.js';
import { CommitmentsPublicViews1763900001800 } from './1763900001800-commitments-public-views.js';
import { AgenciesPublicViews1763900001810 } from './1763900001810-agencies-public-views.js';
import { BrowserSessionsAndLanguage1763900001900 } from './1763900001900-browser-sessions-and-language.js';
import { TwoTimes1763900002000 } from './1763900002000-two-times.js';
import { ProgressReportLookups1763900002010 } from './1763900002010-progress-report-lookups.js';
import { ReportingCyclesPublicView1763900002100 } from './1763900002100-reporting-cycles-public-view.js';
import { ProgressReportReporters1763900002500 } from './1763900002500-progress-report-reporters.js';
import { ExtensionRequestsAndNotificationLinks1763900002600 } from './1763900002600-extension-requests-and-notification-links.js';
import { AnnualSummaryKnownAt1763900002700 } from './1763900002700-annual-summary-known-at.js';

/** Every migration, in order. Listed explicitly so the ESM build needs no glob loading. */
export const migrations = [
  EventStore1763900000000,
  ReferenceData1763900000100,
  CommitmentReadModels1763900000200,
  IdempotencyKeys1763900000300,
  Identity1763900000400,
  ReportingCyclesAndReminders1763900000500,
  AnnualSummaries1763900001000,
  ProgressReportWords1763900001100,
  CommitmentSearchOnWrite1763900001200,
  CommitmentViewHotUpdates1763900001300,
  IdentityChangeNotifications1763900001400,
  SessionFamilies1763900001600,
  CommitmentsPublicViews1763900001800,
  AgenciesPublicViews1763900001810,
  BrowserSessionsAndLanguage1763900001900,
  TwoTimes1763900002000,
  ProgressReportLookups1763900002010,
  ReportingCyclesPublicView1763900002100,
  ProgressReportReporters1763900002500,
  ExtensionRequestsAndNotificationLinks1763900002600,
  AnnualSummaryKnownAt1763900002700,
];
