export { AnnualSummariesModule } from './annual-summaries.module.js';
export { AnnualSummariesWorkerModule } from './annual-summaries-worker.module.js';
// commands and queries
export { RequestAnnualSummary } from './application/request-annual-summary.js';
export { CompileAnnualSummary } from './application/compile-annual-summary.js';
export type { CompileOutcome } from './application/compile-annual-summary.js';
export { ListAnnualSummaryVersions } from './application/list-summary-versions.js';
export { GetAnnualSummaryVersion } from './application/get-summary-version.js';
export { OpenAnnualSummaryFile } from './application/open-summary-file.js';
export type { SummaryDownload } from './application/open-summary-file.js';
export type { SummaryVersionView } from './application/summary-version-view.js';
// the seam the reminders outbox fills in
export { SummaryReadyNotifier } from './application/summary-ready-notifier.js';
export type { SummaryVersion, SummaryStatus, SummaryTrigger } from './infrastructure/summary-versions.js';
// the document, its compilation and its formats (pure; used by tests and the benchmark)
export * from './domain/summary-document.js';
export { compileSummary, classifyChange, OTHER_RECOMMENDATIONS } from './domain/compile-summary.js';
export type { SummaryFacts, CommitmentFact, ReportFact, StatusChangeFact } from './domain/compile-summary.js';
export { excerpt, splitSource, EXCERPT_MAX_CHARS } from './domain/progress-text.js';
export { FIRST_SUMMARY_YEAR, assertSummaryYear } from './domain/summary-year.js';
export * from './domain/summary-errors.js';
export { SummarySnapshotReader } from './infrastructure/summary-snapshot.js';
export { ANNUAL_SUMMARIES_QUEUE, compileJobId } from './infrastructure/summary-queue.js';
export { summaryWorkerOptions } from './infrastructure/summary-worker-settings.js';
export { SUMMARY_FORMATS, MEDIA_TYPES, RENDERERS } from './rendering/summary-formats.js';
export type { SummaryFormat } from './rendering/summary-formats.js';
export { writeJson } from './rendering/json-writer.js';
export { MemorySink } from './rendering/byte-sink.js';
export type { ByteSink } from './rendering/byte-sink.js';
export { SummaryJobReconciler } from './infrastructure/summary-job-reconciler.js';
