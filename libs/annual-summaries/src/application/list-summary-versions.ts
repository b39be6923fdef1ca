import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { SummaryVersions } from '../infrastructure/summary-versions.js';
import { toSummaryVersionView, type SummaryVersionView } from './summary-version-view.js';

/** Which versions of this year's summary exist, and how far along is each? Oldest first. */
export class ListAnnualSummaryVersions extends Query<{ year: number; items: SummaryVersionView[] }> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(ListAnnualSummaryVersions)
export class ListAnnualSummaryVersionsHandler implements IQueryHandler<ListAnnualSummaryVersions> {
  constructor(private readonly versions: SummaryVersions) {}

  async execute({ year }: ListAnnualSummaryVersions): Promise<{ year: number; items: SummaryVersionView[] }> {
    return { year, items: (await this.versions.list(year)).map(toSummaryVersionView) };
  }
}
