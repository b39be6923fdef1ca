import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, toInstant, type ChangeContext } from '@hld/kernel';
import { Change, Endpoint, Performs, type ParamDoc } from '@hld/http';
import { assertSummaryYear } from '../domain/summary-year.js';
import { SUMMARY_POLICY } from '../domain/summary-policy.js';
import { SummaryFormatNotFound, SummaryVersionNotFound } from '../domain/summary-errors.js';
import { RequestAnnualSummary } from '../application/request-annual-summary.js';
import { ListAnnualSummaryVersions } from '../application/list-summary-versions.js';
import { GetAnnualSummaryVersion } from '../application/get-summary-version.js';
import { OpenAnnualSummaryFile } from '../application/open-summary-file.js';
import type { SummaryVersionView } from '../application/summary-version-view.js';
import { MEDIA_TYPES, SUMMARY_FORMATS, isSummaryFormat } from '../rendering/summary-formats.js';
import { RequestAnnualSummaryRequest } from './summary-requests.js';
import { SummaryVersionListResponse, SummaryVersionResponse } from './summary-responses.js';

/** `3` (the version's state) or `3.docx` (one of its files). */
const VERSION_FILE = /^(\d{1,9})(?:\.([A-Za-z0-9]+))?$/;

const YEAR: Record<string, ParamDoc> = {
  year: { description: 'the reporting year, from 2013 to next year', example: 2014, schema: { type: 'integer', minimum: 2013 } },
};
const VERSION: Record<string, ParamDoc> = {
  ...YEAR,
  versionFile: {
    description: `a version (\`1\`: its state) or one of its files (\`1.docx\`: ${SUMMARY_FORMATS.map((f) => `.${f}`).join(', ')})`,
    example: '1',
    schema: { type: 'string', pattern: VERSION_FILE.source },
  },
};
/** A done version's files, one media type per format (the JSON edition shares application/json with the state). */
const FILES = Object.fromEntries(
  Object.values(MEDIA_TYPES)
    .filter((type) => type !== 'application/json')
    .map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
);

/** Thin: requests a compilation (coordinators), lists versions and downloads files (everyone signed in). */
@ApiTags('annual summaries')
@ApiExtraModels(SummaryVersionResponse)
@Controller('annual-summaries')
export class AnnualSummariesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Performs(SUMMARY_POLICY, 'request_summary')
  @Endpoint({
    summary: "Ask for a year's annual progress summary: the one queued or running, or a new compilation",
    accepted: SummaryVersionResponse,
    headers: ['Location'],
    problems: [403],
  })
  async request(
    @Body() body: RequestAnnualSummaryRequest,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SummaryVersionView> {
    const { summary } = await this.commands.execute(
      new RequestAnnualSummary(body.year, change.actor, 'on_demand', body.knownAt === undefined ? null : toInstant(body.knownAt)),
    );
    void reply.header('Location', summary.links.self);
    return summary;
  }

  @Get(':year')
  @Endpoint({
    summary: "List a year's summary versions, oldest first, with their state and links",
    ok: SummaryVersionListResponse,
    params: YEAR,
  })
  list(@Param('year') year: string): Promise<{ year: number; items: SummaryVersionView[] }> {
    return this.queries.execute(new ListAnnualSummaryVersions(this.year(year)));
  }

  @Get(':year/:versionFile')
  @Endpoint({
    summary: "Read a summary version's state (`1`), or download one of its files once done (`1.docx`)",
    ok: {
      description: "the version's state (JSON), or the file (with an ETag: the file's SHA-256)",
      content: {
        'application/json': {
          schema: {
            oneOf: [
              { $ref: getSchemaPath(SummaryVersionResponse) },
              { type: 'object', additionalProperties: true, description: 'the JSON edition (`1.json`)' },
            ],
          },
        },
        ...FILES,
      },
    },
    params: VERSION,
    problems: [404, 409],
  })
  async version(
    @Param('year') rawYear: string,
    @Param('versionFile') versionFile: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SummaryVersionView | StreamableFile> {
    const year = this.year(rawYear);
    const match = VERSION_FILE.exec(versionFile);
    if (!match) throw new SummaryVersionNotFound(year, versionFile);
    const [, version, extension] = match;
    if (extension === undefined) return this.queries.execute(new GetAnnualSummaryVersion(year, Number(version)));
    const format = extension.toLowerCase();
    if (!isSummaryFormat(format)) throw new SummaryFormatNotFound(extension, SUMMARY_FORMATS);
    const file = await this.queries.execute(new OpenAnnualSummaryFile(year, Number(version), format));
    // stored bytes never change, so their hash is a strong validator
    void reply.header('ETag', `"${file.sha256}"`);
    return new StreamableFile(file.content, {
      type: file.mediaType,
      length: file.byteSize,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  private year(raw: string): number {
    const year = /^\d{1,4}$/.test(raw) ? Number(raw) : raw;
    assertSummaryYear(year, this.clock.now());
    return year;
  }
}
