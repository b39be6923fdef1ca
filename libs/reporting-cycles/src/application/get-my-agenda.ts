import { QueryBus, QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { Clock, type Actor } from '@hld/kernel';
import { GetAgencyAgenda, type AgencyAgenda } from '@hld/commitments';
import { currentCycle } from '../domain/current-cycle.js';
import { ReportingCycleStore } from './reporting-cycle-store.js';

export interface MyAgenda extends AgencyAgenda {
  /** The principal's agency; null for coordinators, viewers and admins, who see the whole system's overdue work. */
  agency: string | null;
  /** The cycle the reports are owed for (see currentCycle), or null when no cycle has been opened. */
  cycle: { year: number; opensAt: string; deadline: string; timeZone: string } | null;
}

/**
 * What the signed-in principal's agency has to do now, for its home page: the current reporting cycle and what
 * the agency owes for it, what it leads and supports, what is overdue and why, its extension requests.
 */
export class GetMyAgenda extends Query<MyAgenda> {
  constructor(readonly principal: Actor) {
    super();
  }
}

@QueryHandler(GetMyAgenda)
export class GetMyAgendaHandler implements IQueryHandler<GetMyAgenda> {
  constructor(
    private readonly cycles: ReportingCycleStore,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ principal }: GetMyAgenda): Promise<MyAgenda> {
    const agency = principal.agency ?? null;
    const cycle = currentCycle(await this.cycles.list(), this.clock.now());
    const agenda = await this.queries.execute(new GetAgencyAgenda(agency, cycle?.year ?? null));
    return {
      agency,
      cycle: cycle && {
        year: cycle.year,
        opensAt: cycle.opensAt.toISOString(),
        deadline: cycle.deadline.toISOString(),
        timeZone: cycle.timeZone,
      },
      ...agenda,
    };
  }
}
