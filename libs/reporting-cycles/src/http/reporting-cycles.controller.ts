import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ChangeContext } from '@hld/kernel';
import { Change, Endpoint, IfMatchVersion, Performs, etagOf } from '@hld/http';
import { GetReportingCompliance, type AgencyCompliance } from '@hld/commitments';
import type { ReportingCycleState } from '../domain/reporting-cycle.js';
import { REPORTING_CYCLE_POLICY } from '../domain/reporting-cycle-policy.js';
import { OpenReportingCycle } from '../application/open-reporting-cycle.js';
import { ChangeReportingCycle } from '../application/change-reporting-cycle.js';
import { ReportingCycleStore } from '../application/reporting-cycle-store.js';
import { ChangeCycleRequest, OpenCycleRequest, YearParam } from './reporting-cycle-requests.js';
import { ComplianceResponse, ReportingCycleListResponse, ReportingCycleResponse } from './reporting-cycle-responses.js';

const toView = (c: ReportingCycleState): ReportingCycleResponse => ({
  year: c.year,
  opensAt: c.opensAt.toISOString(),
  deadline: c.deadline.toISOString(),
  meetingDate: c.meetingDate?.toISOString() ?? null,
  summaryDate: c.summaryDate?.toISOString() ?? null,
  timeZone: c.timeZone,
  reminderOffsetsDays: c.reminderOffsetsDays,
  version: c.version,
});

@ApiTags('reporting cycles')
@Controller('reporting-cycles')
export class ReportingCyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly cycles: ReportingCycleStore,
  ) {}

  @Post()
  @Performs(REPORTING_CYCLE_POLICY, 'open_cycle')
  @Endpoint({
    summary: "Open a year's reporting cycle: its dates and reminders",
    created: ReportingCycleResponse,
    headers: ['ETag', 'Location'],
    problems: [403, 409, 422],
  })
  async open(
    @Body() body: OpenCycleRequest,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportingCycleResponse> {
    const { year, ...input } = body;
    const cycle = await this.commands.execute(new OpenReportingCycle(year, input, change));
    void reply.header('Location', `/api/v1/reporting-cycles/${year}`).header('ETag', etagOf(cycle.version));
    return toView(cycle);
  }

  @Get()
  @Endpoint({ summary: 'List the reporting cycles, oldest first', ok: ReportingCycleListResponse })
  async list(): Promise<ReportingCycleListResponse> {
    return { items: (await this.cycles.list()).map(toView) };
  }

  @Get(':year')
  @Endpoint({ summary: "Read a year's reporting cycle", ok: ReportingCycleResponse, headers: ['ETag'], problems: [404] })
  async get(@Param() { year }: YearParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportingCycleResponse> {
    const cycle = await this.cycles.get(year);
    void reply.header('ETag', etagOf(cycle.version));
    return toView(cycle);
  }

  @Patch(':year')
  @Performs(REPORTING_CYCLE_POLICY, 'change_cycle')
  @Endpoint({
    summary: "Change a reporting cycle's dates, time zone or reminders (pending reminders follow)",
    ok: ReportingCycleResponse,
    headers: ['ETag'],
    problems: [403, 404, 409, 412, 422],
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the ETag ("<version>") you last read: 409 if it is stale' })
  async change(
    @Param() { year }: YearParam,
    @Body() body: ChangeCycleRequest,
    @IfMatchVersion() version: number | undefined,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportingCycleResponse> {
    const cycle = await this.commands.execute(
      new ChangeReportingCycle(year, version, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), change),
    );
    void reply.header('ETag', etagOf(cycle.version));
    return toView(cycle);
  }

  /** Per agency: open commitments that owe the year's report, how many have it, and which are missing. */
  @Get(':year/compliance')
  @Endpoint({
    summary: "Per lead agency: how many commitments owe the year's report, how many have it, which are missing",
    ok: ComplianceResponse,
    problems: [404],
  })
  async compliance(@Param() { year }: YearParam): Promise<{ year: number; deadline: string; agencies: AgencyCompliance[] }> {
    const cycle = await this.cycles.get(year);
    const { agencies } = await this.queries.execute(new GetReportingCompliance(year));
    return { year, deadline: cycle.deadline.toISOString(), agencies };
  }
}
