import { isOverdue, type CommitmentState } from '../domain/commitment.js';
import { allowedNextStatuses, type CommitmentStatus } from '../domain/lifecycle.js';

/** A commitment as the API shows it: its state plus what is derived from it (overdue, next states). */
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
  status: CommitmentStatus;
  overdue: boolean;
  allowedTransitions: CommitmentStatus[];
  version: number;
  registeredAt: string;
  updatedAt: string;
  lastReportPeriod: number | null;
}

type ViewSource = Omit<CommitmentState, 'status' | 'kind' | 'lastReportedAt'> & { status: string; kind: string };

export function toCommitmentView(s: ViewSource, today: string): CommitmentView {
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
    status,
    overdue: isOverdue({ dueDate: s.dueDate, status }, today),
    allowedTransitions: allowedNextStatuses(status),
    version: s.version,
    registeredAt: new Date(s.registeredAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    lastReportPeriod: s.lastReportPeriod,
  };
}
