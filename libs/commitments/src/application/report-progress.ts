import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState, NewProgressReport } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';

export interface ProgressReportResult {
  reportId: string;
  commitment: CommitmentState;
}

/**
 * Records an owning agency's progress on a commitment for a period. Reports append: they need no
 * expected version, since two agencies reporting at once do not contradict each other.
 */
export class ReportProgress extends Command<ProgressReportResult> {
  constructor(
    readonly idOrCode: string,
    readonly report: Omit<NewProgressReport, 'reportId'>,
    readonly context: ChangeContext,
    readonly reportId: string = randomUUID(),
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
    // No expected version from the caller, but still an optimistic append: a concurrent change
    // makes this one fail with 409 rather than interleave.
    const commitment = await this.commitments.update(command.idOrCode, undefined, command.context, (c) =>
      c.reportProgress({ ...command.report, reportId: command.reportId }, this.clock.now()),
    );
    return { reportId: command.reportId, commitment: commitment.snapshot };
  }
}
