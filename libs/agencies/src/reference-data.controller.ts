import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@hld/http';
import { ReferenceData, type Agency, type AgendaItem } from './reference-data.js';
import { AgencyListResponse, AgendaItemListResponse } from './reference-data-responses.js';

@ApiTags('reference data')
@Controller()
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceData) {}

  @Get('agencies')
  @Endpoint({ summary: 'List the agencies (UN entities and other organizations) that own commitments', ok: AgencyListResponse })
  async agencies(): Promise<{ items: Agency[] }> {
    return { items: await this.referenceData.listAgencies() };
  }

  @Get('agenda-items')
  @Endpoint({ summary: "List the eight items of the Secretary-General's agenda for action", ok: AgendaItemListResponse })
  async agendaItems(): Promise<{ items: AgendaItem[] }> {
    return { items: await this.referenceData.listAgendaItems() };
  }
}
