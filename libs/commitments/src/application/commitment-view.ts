import type { Actor } from '@hld/kernel';
import type { AvailableAction, CommitmentState, PendingExtension } from '../domain/commitment.js';
import { allowedActions } from '../domain/access-policy.js';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import type { OverdueReason } from '../domain/overdue.js';

/**
 * A commitment as the API shows it: its state plus what is derived from it (overdue and why, and what the
 * principal who asked may do to it now).
 */
export interface CommitmentView {
  id: string;
  code: string;
  title: string;
  text: string;
  source: string;
  kind: string;
  leadAgency: string;
  supportingAgencies: string[];
  agendaItems: number[];
  sdgTargets: string[];
  dueDate: string | null;
  originalDueDate: string | null;
  pendingExtension: PendingExtension | null;
  status: CommitmentStatus;
  overdue: boolean;
  overdueReasons: OverdueReason[];
  /** For the principal who asked, now; empty for a past state (`asOf`) and when no principal asked. */
  allowedActions: AvailableAction[];
  version: number;
  /** When it was registered, in effective time (the catalogue's: its source's publication). */
  registeredAt: string;
  /** When its latest fact took effect. */
  updatedAt: string;
  lastReportPeriod: number | null;
}

type ViewSource = Omit<
  CommitmentState,
  'status' | 'kind' | 'lastReportedAt' | 'decidedExtensions' | 'lastRecordedAt' | 'reportedPeriods'
> & {
  status: string;
  kind: string;
};

/** `overdueReasons`: as the one definition (domain/overdue.ts) judged them, in SQL or in memory, by the caller. */
export function toCommitmentView(s: ViewSource, overdueReasons: OverdueReason[], viewer?: Actor): CommitmentView {
  const status = s.status as CommitmentStatus;
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    text: s.text,
    source: s.source,
    kind: s.kind,
    leadAgency: s.leadAgency,
    supportingAgencies: s.supportingAgencies,
    agendaItems: s.agendaItems.map(Number),
    sdgTargets: s.sdgTargets,
    dueDate: s.dueDate,
    originalDueDate: s.originalDueDate,
    pendingExtension: s.pendingExtension,
    status,
    overdue: overdueReasons.length > 0,
    overdueReasons,
    allowedActions: viewer ? allowedActions(viewer, { ...s, status }) : [],
    version: s.version,
    registeredAt: new Date(s.registeredAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    lastReportPeriod: s.lastReportPeriod,
  };
}
