import type { SummaryVersion } from '../infrastructure/summary-versions.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../rendering/summary-formats.js';

/** A version as the API shows it: its state, its provenance once done, and where to poll or download. */
export interface SummaryVersionView extends Omit<SummaryVersion, 'id'> {
  links: { self: string; downloads: Partial<Record<SummaryFormat, string>> };
}

export const summaryPath = (year: number, version: number) => `/api/v1/annual-summaries/${year}/${version}`;

export function toSummaryVersionView({ id: _id, ...summary }: SummaryVersion): SummaryVersionView {
  const self = summaryPath(summary.year, summary.version);
  const downloads = summary.status === 'done' ? Object.fromEntries(SUMMARY_FORMATS.map((f) => [f, `${self}.${f}`])) : {};
  return { ...summary, links: { self, downloads } };
}
