import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of a reporting cycle as the API answers it. */
export class ReportingCycleResponse {
  @ApiProperty({ example: 2014 }) year: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) meetingDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) summaryDate: string | null;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ type: [Number], example: [14, 3] }) reminderOffsetsDays: number[];
  @ApiProperty() version: number;
}

export class ReportingCycleListResponse {
  @ApiProperty({ type: [ReportingCycleResponse] }) items: ReportingCycleResponse[];
}
