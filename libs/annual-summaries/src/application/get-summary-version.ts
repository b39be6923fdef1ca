import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { SummaryVersionNotFound } from '../domain/summary-errors.js';
import { SummaryVersions } from '../infrastructure/summary-versions.js';
import { toSummaryVersionView, type SummaryVersionView } from './summary-version-view.js';

/** Where is this version: queued, running (how far), done or failed? */
export class GetAnnualSummaryVersion extends Query<SummaryVersionView> {
  constructor(
    readonly year: number,
    readonly version: number,
  ) {
    super();
  }
}

@QueryHandler(GetAnnualSummaryVersion)
export class GetAnnualSummaryVersionHandler implements IQueryHandler<GetAnnualSummaryVersion> {
  constructor(private readonly versions: SummaryVersions) {}

  async execute({ year, version }: GetAnnualSummaryVersion): Promise<SummaryVersionView> {
    const summary = await this.versions.find(year, version);
    if (!summary) throw new SummaryVersionNotFound(year, version);
    return toSummaryVersionView(summary);
  }
}
