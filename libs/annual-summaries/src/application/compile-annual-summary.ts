import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { compileSummary } from '../domain/compile-summary.js';
import { GENERATOR_VERSION } from '../domain/summary-document.js';
import { SummarySnapshotReader } from '../infrastructure/summary-snapshot.js';
import { SummaryVersions } from '../infrastructure/summary-versions.js';
import { SummaryFiles } from '../infrastructure/summary-files.js';
import { writeJson } from '../rendering/json-writer.js';
import { RENDERERS, SUMMARY_FORMATS } from '../rendering/summary-formats.js';
import { SummaryReadyNotifier } from './summary-ready-notifier.js';

export type CompileOutcome = { outcome: 'done'; checksum: string; eventPosition: number } | { outcome: 'already_finished' };

/**
 * Compiles a queued version: reads one snapshot, compiles the summary, renders every format into the version's
 * files and marks it done, all in one transaction, so a worker that dies half-way leaves nothing visible and the
 * retry starts afresh. Run by the worker for each `compile` job; at least once, so it is a no-op on a version
 * that is already done.
 */
export class CompileAnnualSummary extends Command<CompileOutcome> {
  constructor(readonly summaryId: string) {
    super();
  }
}

/** Progress shown to pollers after the snapshot is read and after each format is stored. */
const PROGRESS_AFTER_READ = 10;

@CommandHandler(CompileAnnualSummary)
export class CompileAnnualSummaryHandler implements ICommandHandler<CompileAnnualSummary> {
  private readonly logger = new Logger(CompileAnnualSummaryHandler.name);

  constructor(
    private readonly versions: SummaryVersions,
    private readonly snapshot: SummarySnapshotReader,
    private readonly files: SummaryFiles,
    private readonly notifier: SummaryReadyNotifier,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ summaryId }: CompileAnnualSummary): Promise<CompileOutcome> {
    const version = await this.versions.start(summaryId, this.clock.now());
    if (!version) return { outcome: 'already_finished' };
    const started = performance.now();
    const asOf = this.clock.now();
    const summary = compileSummary(await this.snapshot.read(version.year, asOf, version.knownAt ? new Date(version.knownAt) : null));
    await this.versions.progress(summaryId, PROGRESS_AFTER_READ);

    const checksum = await this.unitOfWork.run(async (tx) => {
      const step = (100 - PROGRESS_AFTER_READ) / SUMMARY_FORMATS.length;
      let done = 0;
      const advance = () => this.versions.progress(summaryId, Math.min(99, Math.round(PROGRESS_AFTER_READ + step * ++done)));
      const { result: checksum } = await this.files.write(tx, summaryId, 'json', (sink) => writeJson(summary, sink));
      await advance();
      for (const format of SUMMARY_FORMATS) {
        if (format === 'json') continue;
        await this.files.write(tx, summaryId, format, (sink) => RENDERERS[format](summary, checksum, sink));
        await advance();
      }
      const finished = await this.versions.markDone(tx, summaryId, {
        compiledAsOf: asOf,
        eventPosition: summary.body.provenance.eventPosition,
        generator: GENERATOR_VERSION,
        checksum,
        finishedAt: this.clock.now(),
      });
      await this.notifier.notify(tx, finished);
      return checksum;
    });
    this.logger.log(
      `Compiled the ${version.year} summary v${version.version} at event position ${summary.body.provenance.eventPosition} ` +
        `in ${Math.round(performance.now() - started)} ms (${checksum})`,
    );
    return { outcome: 'done', checksum, eventPosition: summary.body.provenance.eventPosition };
  }
}
