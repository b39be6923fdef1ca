import { ApiProperty } from '@nestjs/swagger';
import { SUMMARY_STATUSES, type SummaryStatus, type SummaryTrigger } from '../infrastructure/summary-versions.js';
import type { SummaryVersionView } from '../application/summary-version-view.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../rendering/summary-formats.js';

/** The OpenAPI shapes of what the annual summaries' routes answer. */

const DOWNLOADS = Object.fromEntries(
  SUMMARY_FORMATS.map((f) => [f, { type: 'string' as const, example: `/api/v1/annual-summaries/2014/1.${f}` }]),
);

export class SummaryLinksResponse {
  @ApiProperty({ example: '/api/v1/annual-summaries/2014/1', description: 'where to poll this version' }) self: string;
  @ApiProperty({ type: 'object', properties: DOWNLOADS, description: 'one link per format, once the version is done; empty before' })
  downloads: Partial<Record<SummaryFormat, string>>;
}

export class SummaryVersionResponse implements SummaryVersionView {
  @ApiProperty({ type: 'integer', example: 2014 }) year: number;
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty({ enum: SUMMARY_STATUSES }) status: SummaryStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'per cent' }) progress: number;
  @ApiProperty({ enum: ['on_demand', 'scheduled'] }) trigger: SummaryTrigger;
  @ApiProperty({ description: 'who asked for it (a user id, or system:<name>)' }) requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the recorded instant it is compiled as known at; null: the compilation',
  })
  knownAt: string | null;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the instant of the snapshot it was compiled from' })
  compiledAsOf: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the last event of the log the snapshot includes' }) eventPosition:
    number | null;
  @ApiProperty({ type: String, nullable: true }) generator: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the JSON edition' }) checksum: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last attempt failed' }) error: string | null;
  @ApiProperty() links: SummaryLinksResponse;
}

export class SummaryVersionListResponse {
  @ApiProperty({ type: 'integer', example: 2014 }) year: number;
  @ApiProperty({ type: [SummaryVersionResponse], description: 'every version of the year, oldest first' }) items: SummaryVersionResponse[];
}
