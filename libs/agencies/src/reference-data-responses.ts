import { ApiProperty } from '@nestjs/swagger';
import type { Agency, AgendaItem } from './reference-data.js';

/** The OpenAPI shapes of the reference data as the API answers it. */
export class AgencyResponse implements Agency {
  @ApiProperty({ example: 'ILO' }) code: string;
  @ApiProperty({ example: 'International Labour Organization' }) name: string;
  @ApiProperty({ example: 'un-entity' }) kind: string;
  @ApiProperty({ description: 'part of the UN system' }) un: boolean;
  @ApiProperty({ description: 'a member of the Global Migration Group' }) gmg: boolean;
  @ApiProperty({ description: 'contributed to the 2013 book of recommendations' }) contributedToBook: boolean;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
}

export class AgencyListResponse {
  @ApiProperty({ type: [AgencyResponse] }) items: AgencyResponse[];
}

export class AgendaItemResponse implements AgendaItem {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 8 }) number: number;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'A/68/190' }) source: string;
}

export class AgendaItemListResponse {
  @ApiProperty({ type: [AgendaItemResponse] }) items: AgendaItemResponse[];
}
