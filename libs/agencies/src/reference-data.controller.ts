import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReferenceData, type Agency, type AgendaItem } from './reference-data.js';

@ApiTags('reference data')
@Controller()
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceData) {}

  @Get('agencies')
  async agencies(): Promise<{ items: Agency[] }> {
    return { items: await this.referenceData.listAgencies() };
  }

  @Get('agenda-items')
  async agendaItems(): Promise<{ items: AgendaItem[] }> {
    return { items: await this.referenceData.listAgendaItems() };
  }
}
