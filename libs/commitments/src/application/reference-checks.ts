import { Injectable } from '@nestjs/common';
import { ReferenceData } from '@hld/agencies';
import { UnknownAgency, UnknownAgendaItem } from '../domain/commitment-errors.js';

/** Refuses agency codes and agenda item numbers the reference data does not know (422 naming them). */
@Injectable()
export class ReferenceChecks {
  constructor(private readonly referenceData: ReferenceData) {}

  async agencies(field: string, codes: readonly string[]): Promise<void> {
    const unknown = await this.referenceData.unknownAgencies(codes);
    if (unknown.length > 0) throw new UnknownAgency(field, unknown);
  }

  async agendaItems(numbers: readonly number[] | undefined): Promise<void> {
    if (!numbers?.length) return;
    const unknown = await this.referenceData.unknownAgendaItems(numbers);
    if (unknown.length > 0) throw new UnknownAgendaItem(unknown);
  }
}
