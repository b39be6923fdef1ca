import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, ChangeContext } from '@hld/kernel';
import { Acting, Change, IfMatchVersion, Performs, etagOf } from '@hld/http';
import { VersionRequired } from '../domain/commitment-errors.js';
import type { CommitmentState } from '../domain/commitment.js';
import { RegisterCommitment } from '../application/register-commitment.js';
import { ReviseCommitmentDetails } from '../application/revise-commitment-details.js';
import { AssignCommitmentOwners } from '../application/assign-commitment-owners.js';
import { SetCommitmentDueDate } from '../application/set-commitment-due-date.js';
import { ChangeCommitmentStatus } from '../application/change-commitment-status.js';
import { ReportProgress } from '../application/report-progress.js';
import { ListCommitments, type CommitmentPage } from '../application/list-commitments.js';
import { GetCommitment } from '../application/get-commitment.js';
import { GetCommitmentHistory, type HistoryEntry } from '../application/get-commitment-history.js';
import { toCommitmentView, type CommitmentView } from '../application/commitment-view.js';
import { Clock, toInstant } from '@hld/kernel';
import { COMMITMENT_POLICY } from '../domain/access-policy.js';
import { RequestDueDateExtension } from '../application/request-due-date-extension.js';
import { DecideDueDateExtension } from '../application/decide-due-date-extension.js';
import {
  AssignOwnersRequest,
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

const IF_MATCH = { name: 'If-Match', required: true, description: 'the ETag ("<version>") you last read' };

/** Thin: turns HTTP into commands and queries, and their results into representations with an ETag. */
@ApiTags('commitments')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Performs(COMMITMENT_POLICY, 'register')
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
  list(@Query() query: ListCommitmentsQuery, @Acting() viewer: Actor): Promise<CommitmentPage> {
    const { limit, cursor, asOf, knownAt, ...filters } = query;
    return this.queries.execute(new ListCommitments(filters, limit, cursor, viewer, instant(asOf), instant(knownAt)));
  }

  @Get(':idOrCode')
  async get(
    @Param('idOrCode') idOrCode: string,
    @Query() query: GetCommitmentQuery,
    @Acting() viewer: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitmentView> {
    const view = await this.queries.execute(new GetCommitment(idOrCode, instant(query.asOf), viewer, instant(query.knownAt)));
    if (!query.asOf && !query.knownAt) void reply.header('ETag', etagOf(view.version));
    return view;
  }

  @Get(':idOrCode/history')
  history(@Param('idOrCode') idOrCode: string): Promise<{ items: HistoryEntry[] }> {
    return this.queries.execute(new GetCommitmentHistory(idOrCode));
  }

  @Post(':idOrCode/transitions')
  @HttpCode(200)
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
    return { id: reportId, commitment: this.represent(commitment, reply, change.actor) };
  }

  /** Asks for a later due date; the answer's `pendingExtension.requestId` is what a coordinator decides on. */
  @Post(':idOrCode/extension-requests')
  @Performs(COMMITMENT_POLICY, 'request_extension')
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
  @HttpCode(200)
  @Performs(COMMITMENT_POLICY, 'decide_extension')
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
  private represent(state: CommitmentState, reply: FastifyReply, actor: Actor): CommitmentView {
    void reply.header('ETag', etagOf(state.version));
    return toCommitmentView(state, this.clock.today(), false, actor);
  }
}

/** The instant an accepted `effectiveAt`, `asOf` or `knownAt` stands for (a date: the start of that day, UTC). */
const instant = (text: string | undefined): Date | undefined => (text === undefined ? undefined : toInstant(text));

function required(version: number | undefined): number {
  if (version === undefined) throw new VersionRequired();
  return version;
}
