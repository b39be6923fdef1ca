import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RegisterCommitmentRequest, ReportProgressRequest } from '@hld/commitments';

/** The shapes of the records in db/catalogue, checked with the same rules as the API's input. */

export const AGENCY_KINDS = [
  'un-entity',
  'related-organization',
  'regional-commissions',
  'special-procedure',
  'ngo',
  'intergovernmental',
  'civil-society',
  'other',
] as const;

export class AgencyEntry {
  @Matches(/^[A-Z][A-Z0-9]{1,19}$/, { message: 'must be 2-20 capital letters or digits' }) code: string;
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @IsIn(AGENCY_KINDS) kind: (typeof AGENCY_KINDS)[number];
  @IsBoolean() un: boolean;
  @IsBoolean() gmg: boolean;
  @IsBoolean() contributedToBook: boolean;
  @IsString() @IsNotEmpty() source: string;
  @IsOptional() @IsString() note?: string;
}

export class AgendaItemEntry {
  @IsInt() @Min(1) @Max(8, { message: 'agenda items are numbered 1 to 8' }) number: number;
  @IsString() @IsNotEmpty() title: string;
  @IsString() description: string;
  @IsString() @IsNotEmpty() source: string;
  @IsOptional() @IsString() titleSource?: string;
}

/** A commitment as the book gives it, with the notes that explain the catalogue's judgements. */
export class CommitmentEntry extends RegisterCommitmentRequest {
  @IsOptional() @IsString() textNote?: string;
  @IsOptional() @IsString() agendaItemsNote?: string;
  @IsOptional() @IsString() sdgNote?: string;
  @IsOptional() @IsString() supportingAgenciesNote?: string;
  @IsOptional() @IsString() leadAgencyNote?: string;
  @IsOptional() @IsString() note?: string;
}

/** A follow-up action an entity reported at a coordination meeting. */
export class ProgressReportEntry extends ReportProgressRequest {
  @Matches(/^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$/, { message: 'must be a commitment code such as ILO-a' }) commitmentCode: string;
  @IsString() @IsNotEmpty() @MaxLength(300) source: string;
}
