import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, ChangeContext } from '@hld/kernel';
import { Acting, Change, Endpoint, IfMatchVersion, Performs, etagOf, uuidParam, type ParamDoc } from '@hld/http';
import { VersionRequired } from '../domain/commitment-errors.js';
import type { CommitmentState } from '../domain/commitment.js';
import { RegisterCommitment } from '../application/register-commitment.js';
import { ReviseCommitmentDetails } from '../application/revise-commitment-details.js';
import { AssignCommitmentOwners } from '../application/assign-commitment-owners.js';
import { SetCommitmentDueDate } from '../application/set-commitment-due-date.js';
import { ChangeCommitmentStatus } from '../application/change-commitment-status.js';
import { ReportProgress } from '../application/report-progress.js';
import { ListCommitments, type CommitmentPage } from '../application/list-commitments.js';
import { GetCommitmentFacets, type CommitmentFacets } from '../application/get-commitment-facets.js';
import { ExportCommitments } from '../application/export-commitments.js';
import { csvStream, EXPORT_MEDIA_TYPES, exportFileName, xlsxStream } from '../rendering/commitment-export-formats.js';
import { GetCommitment } from '../application/get-commitment.js';
import { GetCommitmentHistory, type HistoryEntry } from '../application/get-commitment-history.js';
import { ListProgressReports, type CommitmentProgressReports } from '../application/list-progress-reports.js';
import { toCommitmentView, type CommitmentView } from '../application/commitment-view.js';
import { CommitmentOverdue } from '../application/commitment-overdue.js';
import { Clock, toInstant } from '@hld/kernel';
import { COMMITMENT_POLICY } from '../domain/access-policy.js';
import { RequestDueDateExtension } from '../application/request-due-date-extension.js';
import { DecideDueDateExtension } from '../application/decide-due-date-extension.js';
import {
  askedAt,
  AssignOwnersRequest,
  CommitmentFiltersQuery,
  ExportCommitmentsQuery,
  ExtensionDecision,
  ExtensionRequest,
  GetCommitmentQuery,
  ListCommitmentsQuery,
  RegisterCommitmentRequest,
  ReportProgressRequest,
  ReviseCommitmentRequest,
  SetDueDateRequest,
  TransitionRequest,
} from './commitment-requests.js';
import {
  CommitmentFacetsResponse,
  CommitmentPageResponse,
  CommitmentResponse,
  HistoryResponse,
  ProgressReportedResponse,
  ProgressReportsResponse,
} from './commitment-responses.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'the ETag ("<version>") you last read' };
const ID_OR_CODE: Record<string, ParamDoc> = {
  idOrCode: { description: "the commitment's id (a UUID) or code", example: 'ILO-a', schema: { type: 'string', maxLength: 100 } },
};
/** What every versioned write can be refused for, besides its body: role, unknown, stale, bad or missing If-Match, rules. */
const VERSIONED_WRITE = [403, 404, 409, 412, 422, 428] as const;

/** Thin: turns HTTP into commands and queries, and their results into representations with an ETag. */
@ApiTags('commitments')
@Controller('commitments')
export class CommitmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly overdue: CommitmentOverdue,
  ) {}

  @Post()
  @Performs(COMMITMENT_POLICY, 'register')
  @Endpoint({
    summary: 'Register a commitment (it starts as proposed)',
    created: CommitmentResponse,
    headers: ['ETag', 'Location'],
    problems: [403, 409, 422],
  })
  async register(
    @Body() body: RegisterCommitmentRequest,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const { effectiveAt, ...details } = body;
    const state = await this.commands.execute(new RegisterCommitment(details, change, undefined, instant(effectiveAt)));
    void reply.header('Location', `/api/v1/commitments/${state.id}`);
    return this.represent(state, reply, change.actor);
  }

  @Get()
  @Endpoint({
    summary: 'List commitments, filtered, sorted and paged',
    description: 'A page in the order asked (code order by default); `nextCursor` gives the next page of the same order.',
    ok: CommitmentPageResponse,
  })
  list(@Query() query: ListCommitmentsQuery, @Acting() viewer: Actor): Promise<CommitmentPage> {
    const { limit, cursor, sort, asOf, knownAt, ...filters } = query;
    return this.queries.execute(new ListCommitments(filters, limit, cursor, viewer, sort, askedAt({ asOf, knownAt })));
  }

  /** How many commitments per value of each filter, for these filters (faceted search: see GetCommitmentFacets). */
  @Get('facets')
  @Endpoint({
    summary: 'Count the commitments of a list per value of each filter (faceted search)',
    description:
      'Each facet is counted with every other filter applied but not its own; `q` and `dueBefore` narrow every count. ' +
      'With `asOf` and `knownAt`, over the commitments the list gives at that point.',
    ok: CommitmentFacetsResponse,
  })
  facets(@Query() query: CommitmentFiltersQuery): Promise<CommitmentFacets> {
    const { asOf, knownAt, ...filters } = query;
    return this.queries.execute(new GetCommitmentFacets(filters, askedAt({ asOf, knownAt })));
  }

  /** Every commitment the filters match (not a page), in the order asked, as a CSV or XLSX download, streamed. */
  @Get('export')
  @ApiProduces(EXPORT_MEDIA_TYPES.csv, EXPORT_MEDIA_TYPES.xlsx)
  @Endpoint({
    summary: 'Download every commitment of a list (all pages), in its order, as CSV or XLSX',
    description:
      'With `asOf` and `knownAt`, the commitments the list gives at that point, as they stood then; the file name says so ' +
      "(`hld-commitments-as-of-2014-12-31-known-at-2015-01-20.csv`), and so do the XLSX file's properties.",
    ok: {
      description: 'an attachment; columns: code, title, lead, supporting, agenda items, status, due date, overdue reasons, source',
      content: {
        [EXPORT_MEDIA_TYPES.csv]: { schema: { type: 'string' } },
        [EXPORT_MEDIA_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
      },
    },
  })
  async export(@Query() query: ExportCommitmentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { format, sort, asOf, knownAt, ...filters } = query;
    const asked = askedAt({ asOf, knownAt });
    const result = await this.queries.execute(new ExportCommitments(filters, sort, asked));
    const stream = format === 'csv' ? csvStream(result.rows) : xlsxStream(result.rows, result.madeAt, result.at);
    // however the answer ends (written, client gone, failed), the export's snapshot ends with it
    stream.on('close', () => void result.close());
    void reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: EXPORT_MEDIA_TYPES[format],
      disposition: `attachment; filename="${exportFileName(format, result.today, asked)}"`,
    });
  }

  @Get(':idOrCode')
  @Endpoint({
    summary: 'Read one commitment, with what I may do to it now (or as it was at asOf)',
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [404],
  })
  async get(
    @Param('idOrCode') idOrCode: string,
    @Query() query: GetCommitmentQuery,
    @Acting() viewer: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const { asOf, knownAt } = askedAt(query);
    const view = await this.queries.execute(new GetCommitment(idOrCode, asOf, viewer, knownAt));
    if (!query.asOf && !query.knownAt) void reply.header('ETag', etagOf(view.version));
    return view;
  }

  @Get(':idOrCode/history')
  @Endpoint({ summary: "Read a commitment's history: its events, oldest first", ok: HistoryResponse, params: ID_OR_CODE, problems: [404] })
  history(@Param('idOrCode') idOrCode: string): Promise<{ items: HistoryEntry[] }> {
    return this.queries.execute(new GetCommitmentHistory(idOrCode));
  }

  @Get(':idOrCode/progress-reports')
  @Endpoint({
    summary: "Read a commitment's progress reports by period, the newest period first",
    ok: ProgressReportsResponse,
    params: ID_OR_CODE,
    problems: [404],
  })
  progressReports(@Param('idOrCode') idOrCode: string): Promise<CommitmentProgressReports> {
    return this.queries.execute(new ListProgressReports(idOrCode));
  }

  @Post(':idOrCode/transitions')
  @Endpoint({
    summary: 'Move a commitment along its lifecycle (accept, start, complete, discontinue, reopen, …)',
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [...VERSIONED_WRITE],
  })
  @ApiHeader(IF_MATCH)
  async transition(
    @Param('idOrCode') idOrCode: string,
    @Body() body: TransitionRequest,
    @IfMatchVersion() version: number | undefined,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const { to, effectiveAt, ...request } = body;
    const state = await this.commands.execute(
      new ChangeCommitmentStatus(idOrCode, required(version), to, request, change, instant(effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  @Put(':idOrCode/owners')
  @Performs(COMMITMENT_POLICY, 'assign_owners')
  @Endpoint({
    summary: "Assign a commitment's lead and supporting agencies",
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [...VERSIONED_WRITE],
  })
  @ApiHeader(IF_MATCH)
  async assignOwners(
    @Param('idOrCode') idOrCode: string,
    @Body() body: AssignOwnersRequest,
    @IfMatchVersion() version: number | undefined,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const state = await this.commands.execute(
      new AssignCommitmentOwners(idOrCode, required(version), body.lead, body.supporting, change, instant(body.effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  @Put(':idOrCode/due-date')
  @Performs(COMMITMENT_POLICY, 'set_due_date')
  @Endpoint({
    summary: "Set or clear a commitment's due date",
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [...VERSIONED_WRITE],
  })
  @ApiHeader(IF_MATCH)
  async setDueDate(
    @Param('idOrCode') idOrCode: string,
    @Body() body: SetDueDateRequest,
    @IfMatchVersion() version: number | undefined,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const state = await this.commands.execute(
      new SetCommitmentDueDate(idOrCode, required(version), body.dueDate, change, instant(body.effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  @Patch(':idOrCode')
  @Performs(COMMITMENT_POLICY, 'revise')
  @Endpoint({
    summary: "Revise a commitment's title, text, source, agenda items or SDG targets",
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [...VERSIONED_WRITE],
  })
  @ApiHeader(IF_MATCH)
  async revise(
    @Param('idOrCode') idOrCode: string,
    @Body() body: ReviseCommitmentRequest,
    @IfMatchVersion() version: number | undefined,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const { effectiveAt, ...changes } = body;
    const state = await this.commands.execute(
      new ReviseCommitmentDetails(idOrCode, required(version), changes, change, instant(effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  @Post(':idOrCode/progress-reports')
  @Performs(COMMITMENT_POLICY, 'report_progress')
  @Endpoint({
    summary: 'Report progress on a commitment for a year, or confirm that nothing changed',
    created: ProgressReportedResponse,
    headers: ['ETag', 'Location'],
    params: ID_OR_CODE,
    problems: [403, 404, 422],
  })
  async reportProgress(
    @Param('idOrCode') idOrCode: string,
    @Body() body: ReportProgressRequest,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; commitment: CommitmentView }> {
    const { effectiveAt, ...report } = body;
    const { reportId, commitment } = await this.commands.execute(
      new ReportProgress(idOrCode, report, change, undefined, instant(effectiveAt)),
    );
    void reply.header('Location', `/api/v1/commitments/${commitment.id}/history`);
    return { id: reportId, commitment: await this.represent(commitment, reply, change.actor) };
  }

  /** Asks for a later due date; the answer's `pendingExtension.requestId` is what a coordinator decides on. */
  @Post(':idOrCode/extension-requests')
  @Performs(COMMITMENT_POLICY, 'request_extension')
  @Endpoint({
    summary: 'Ask for a later due date',
    created: CommitmentResponse,
    headers: ['ETag'],
    params: ID_OR_CODE,
    problems: [403, 404, 409, 422],
  })
  async requestExtension(
    @Param('idOrCode') idOrCode: string,
    @Body() body: ExtensionRequest,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const state = await this.commands.execute(
      new RequestDueDateExtension(idOrCode, body.dueDate, body.reason, change, undefined, instant(body.effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  @Post(':idOrCode/extension-requests/:requestId/decision')
  @Performs(COMMITMENT_POLICY, 'decide_extension')
  @Endpoint({
    summary: 'Approve or decline a pending request for a later due date',
    ok: CommitmentResponse,
    headers: ['ETag'],
    params: { ...ID_OR_CODE, requestId: uuidParam('the pending request (pendingExtension.requestId)') },
    problems: [403, 404, 409],
  })
  async decideExtension(
    @Param('idOrCode') idOrCode: string,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() body: ExtensionDecision,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const state = await this.commands.execute(
      new DecideDueDateExtension(idOrCode, requestId, body.decision === 'approve', body.comment ?? null, change, instant(body.effectiveAt)),
    );
    return this.represent(state, reply, change.actor);
  }

  /** The commitment after the change, with what its author may do next. */
  private async represent(state: CommitmentState, reply: FastifyReply, actor: Actor): Promise<CommitmentView> {
    void reply.header('ETag', etagOf(state.version));
    return toCommitmentView(state, await this.overdue.reasonsAt(state, this.clock.now()), actor);
  }
}

/** The instant an accepted `effectiveAt` stands for (a date: the start of that day, UTC). */
const instant = (text: string | undefined): Date | undefined => (text === undefined ? undefined : toInstant(text));

function required(version: number | undefined): number {
  if (version === undefined) throw new VersionRequired();
  return version;
}
