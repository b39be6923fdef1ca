import type { Readable } from 'node:stream';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { SummaryNotReady, SummaryVersionNotFound } from '../domain/summary-errors.js';
import { SummaryVersions } from '../infrastructure/summary-versions.js';
import { SummaryFiles, type StoredFile } from '../infrastructure/summary-files.js';
import type { SummaryFormat } from '../rendering/summary-formats.js';

export interface SummaryDownload extends StoredFile {
  fileName: string;
  content: Readable;
}

/** The stored bytes of one format of a done version, as a stream. */
export class OpenAnnualSummaryFile extends Query<SummaryDownload> {
  constructor(
    readonly year: number,
    readonly version: number,
    readonly format: SummaryFormat,
  ) {
    super();
  }
}

@QueryHandler(OpenAnnualSummaryFile)
export class OpenAnnualSummaryFileHandler implements IQueryHandler<OpenAnnualSummaryFile> {
  constructor(
    private readonly versions: SummaryVersions,
    private readonly files: SummaryFiles,
  ) {}

  async execute({ year, version, format }: OpenAnnualSummaryFile): Promise<SummaryDownload> {
    const summary = await this.versions.find(year, version);
    if (!summary) throw new SummaryVersionNotFound(year, version);
    if (summary.status !== 'done') throw new SummaryNotReady(year, version, summary.status);
    const file = await this.files.find(summary.id, format);
    // a done version has every format: they are stored in the transaction that marks it done
    if (!file) throw new Error(`Annual summary ${year} v${version} is done but has no ${format} file`);
    return { ...file, fileName: `hld-annual-summary-${year}-v${version}.${format}`, content: this.files.stream(summary.id, file) };
  }
}
