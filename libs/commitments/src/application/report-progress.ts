import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, DomainError, type ChangeContext } from '@hld/kernel';
import type { CommitmentState, NewProgressReport } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { assertMay, NotAllowed } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

export interface ProgressReportResult {
  reportId: string;
  commitment: CommitmentState;
}

type ReportDetails = Omit<NewProgressReport, 'reportId' | 'agency' | 'summary'> & { agency?: string; summary?: string };

const NO_CHANGE_SUMMARY = 'No change since the last report.';

/**
 * Records an owning agency's progress on a commitment for a period. Reports append: they need no
 * expected version, since two agencies reporting at once do not contradict each other.
 */
export class ReportProgress extends Command<ProgressReportResult> {
  constructor(
    readonly idOrCode: string,
    /** `agency` is the reporting agency: a focal point's own by default; coordinators must name it. */
    readonly report: ReportDetails,
    readonly context: ChangeContext,
    readonly reportId: string = randomUUID(),
    /** The date the agency reported it (by default now; the catalogue: the coordination meeting). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(ReportProgress)
export class ReportProgressHandler implements ICommandHandler<ReportProgress> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReportProgress): Promise<ProgressReportResult> {
    const agency = reportingAgency(command);
    // No expected version from the caller: the repository decides it again on the newer state if another append
    // lands first, so this closure may run more than once (it depends only on the commitment and the command).
    const commitment = await this.commitments.update(command.idOrCode, undefined, command.context, (c) => {
      assertMay(command.context.actor, 'report_progress', c.snapshot);
      const summary = command.report.summary ?? (command.report.kind === 'no_change' ? NO_CHANGE_SUMMARY : '');
      c.reportProgress({ ...command.report, summary, agency, reportId: command.reportId }, factTimes(this.clock, command.effectiveAt));
    });
    return { reportId: command.reportId, commitment: commitment.snapshot };
  }
}

function reportingAgency({ report, context }: ReportProgress): string {
  const { actor } = context;
  if (actor.role === 'focal_point') {
    if (report.agency && report.agency !== actor.agency) {
      throw new NotAllowed(actor, 'report_progress', 'a focal point reports only for its own agency');
    }
    return actor.agency!;
  }
  if (!report.agency) {
    throw new DomainError('REPORTING_AGENCY_REQUIRED', 'unprocessable', 'Name the agency this report is for.', {}, [
      { field: 'agency', message: 'is required when reporting on behalf of an agency' },
    ]);
  }
  return report.agency;
}
