import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsInstant, IsNotBlank, Nullable, Omittable } from '@hld/http';
import { toInstant } from '@hld/kernel';
import type { AskedAt } from '../application/as-of.js';
import { COMMITMENT_SORTS, type CommitmentSort } from '../application/commitment-order.js';
import { EXPORT_FORMATS, type ExportFormat } from '../rendering/commitment-export-formats.js';
import {
  COMMITMENT_CODE,
  COMMITMENT_KINDS,
  PROGRESS_REPORT_KINDS,
  type CommitmentKind,
  type ProgressReportKind,
} from '../domain/commitment-events.js';
import {
  COMMITMENT_STATUSES,
  DISCONTINUATION_CATEGORIES,
  type CommitmentStatus,
  type DiscontinuationCategory,
} from '../domain/lifecycle.js';

/** A finite number, or a short text with something in it. */
const IsIndicatorValue = () =>
  ValidateBy({
    name: 'isIndicatorValue',
    validator: {
      validate: (v: unknown) =>
        (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && v.length <= 200),
      defaultMessage: () => 'must be a finite number or a text of 1 to 200 characters',
    },
  });

const AGENCY = /^[A-Z][A-Z0-9]{1,19}$/;

/** `effectiveAt` of a write: when the change took effect in the world (docs/architecture.md, "Two times"). */
const EffectiveAt = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      example: '2015-01-20',
      description: `${description}: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered`,
    }),
    Omittable(),
    IsInstant(),
  );
const SDG_TARGET = /^([1-9]|1[0-7])\.([1-9]|1[0-9]|[a-d])$/;

/** What `source` holds: what a drafter of the Secretary-General's report cites, never a line of a working file. */
const SOURCE_DESCRIPTION =
  'the document the commitment comes from, cited as in a United Nations report: its symbol, or its title (publisher, year), then the ' +
  'chapter, section or page, e.g. "A/68/190" or "International Migration and Development: Contributions and Recommendations of the ' +
  'International System (UNFPA and IOM, 2013), chapter “UN Women”, p. 198"';

export class RegisterCommitmentRequest {
  @ApiProperty({ example: 'ILO-a', description: 'Stable human code: <AGENCY>-<letter>, SG8-<n>, ...' })
  @Matches(COMMITMENT_CODE, { message: 'must look like ILO-a or SG8-3' })
  @MaxLength(40)
  code: string;

  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(300) title: string;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(20000) text: string;
  @ApiProperty({ example: 'A/68/190', description: SOURCE_DESCRIPTION }) @IsString() @IsNotBlank() @MaxLength(300) source: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) @IsIn(COMMITMENT_KINDS) kind: CommitmentKind;
  @ApiProperty({ example: 'ILO' }) @Matches(AGENCY, { message: 'must be an agency code such as ILO' }) leadAgency: string;

  @ApiPropertyOptional({ example: ['IOM'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(40)
  @Matches(AGENCY, { each: true, message: 'must hold agency codes such as IOM' })
  supportingAgencies?: string[];

  @ApiProperty({ type: 'integer', isArray: true, example: [2], description: 'agenda items 1 to 8' })
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true }) // whether each number exists is the reference data's call (422)
  agendaItems: number[];

  @ApiPropertyOptional({ example: ['10.c'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(SDG_TARGET, { each: true, message: 'must hold SDG targets such as 10.7' })
  sdgTargets?: string[];

  @ApiPropertyOptional({ type: String, example: '2015-01-15', format: 'date', nullable: true })
  @Omittable()
  @Nullable()
  @IsCalendarDate()
  dueDate?: string | null;

  @EffectiveAt('when it was made (e.g. its source was published)') effectiveAt?: string;
}

export class ReviseCommitmentRequest {
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotBlank() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotBlank() @MaxLength(20000) text?: string;
  @ApiPropertyOptional({ example: 'A/68/190', description: SOURCE_DESCRIPTION })
  @Omittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  source?: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [2, 6], description: 'agenda items 1 to 8' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true }) // whether each number exists is the reference data's call (422)
  agendaItems?: number[];

  @ApiPropertyOptional({ example: ['10.7'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(SDG_TARGET, { each: true, message: 'must hold SDG targets such as 10.7' })
  sdgTargets?: string[];

  @EffectiveAt('from when the revised details hold') effectiveAt?: string;
}

export class AssignOwnersRequest {
  @ApiProperty({ example: 'ILO' }) @Matches(AGENCY, { message: 'must be an agency code such as ILO' }) lead: string;

  @ApiProperty({ example: ['IOM'] })
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @Matches(AGENCY, { each: true, message: 'must hold agency codes such as IOM' })
  supporting: string[];

  @EffectiveAt('when the owners changed') effectiveAt?: string;
}

export class SetDueDateRequest {
  @ApiProperty({ type: String, example: '2015-01-15', format: 'date', nullable: true, description: 'null clears the due date' })
  @Nullable()
  @IsCalendarDate()
  dueDate: string | null;

  @EffectiveAt('when the due date was set') effectiveAt?: string;
}

export class TransitionRequest {
  @ApiProperty({ enum: COMMITMENT_STATUSES }) @IsIn(COMMITMENT_STATUSES) to: CommitmentStatus;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(5000) reason?: string;

  @ApiPropertyOptional({ enum: DISCONTINUATION_CATEGORIES, description: 'required when discontinuing' })
  @Omittable()
  @IsIn(DISCONTINUATION_CATEGORIES)
  category?: DiscontinuationCategory;

  @ApiPropertyOptional({ example: 'SDG target 10.7', description: 'required when the category is superseded' })
  @Omittable()
  @IsString()
  @MaxLength(300)
  supersededBy?: string;

  @EffectiveAt('when the change happened, if it was learned of later (then a reason is required)') effectiveAt?: string;
}

export class IndicatorRequest {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) name: string;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string', maxLength: 200 }] })
  @IsIndicatorValue()
  value: number | string;

  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(50) unit?: string;
  @ApiPropertyOptional({ example: '2014-12-31', format: 'date' }) @Omittable() @IsCalendarDate() asOf?: string;
}

export class ReportProgressRequest {
  @ApiProperty({ type: 'integer', example: 2014, minimum: 2013, maximum: 2100, description: 'the year reported on' })
  @IsInt({ message: 'must be a year such as 2014 (a number)' })
  @Min(2013)
  @Max(2100)
  period: number;

  @ApiPropertyOptional({ example: 'ILO', description: "the reporting agency: a focal point's own if omitted; coordinators must name it" })
  @Omittable()
  @Matches(AGENCY, { message: 'must be an agency code such as ILO' })
  agency?: string;
  @ApiPropertyOptional({ enum: PROGRESS_REPORT_KINDS, default: 'report', description: 'no_change: nothing changed since the last report' })
  @Omittable()
  @IsIn(PROGRESS_REPORT_KINDS)
  kind?: ProgressReportKind;

  @ApiPropertyOptional({ maxLength: 20000, description: 'required for a report; optional for no_change' })
  @ValidateIf((o: ReportProgressRequest) => o.kind !== 'no_change' || o.summary !== undefined)
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  summary?: string;

  @ApiPropertyOptional({ type: String, isArray: true, format: 'uri', description: 'http(s) links to evidence' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  evidenceUrls?: string[];

  @ApiPropertyOptional({ type: [IndicatorRequest] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorRequest)
  indicators?: IndicatorRequest[];

  @EffectiveAt('the date the agency reported it') effectiveAt?: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** `a,b`, or the parameter repeated (`x=a&x=b`, as the generated client sends a list), or both: one list; empty items are dropped. */
const toList = ({ value }: { value: unknown }): unknown[] | undefined =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).filter((v) => v !== '');
/** A list of whole numbers; what is not one stays as it is, for the validator to name. */
const toNumbers = (params: { value: unknown }) =>
  toList(params)?.map((v) => (typeof v === 'string' && /^-?\d{1,9}$/.test(v) ? Number(v) : v));
const SEVERAL = 'several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them';

/**
 * A filter by agencies: the codes given, several (see SEVERAL), each checked; `which` says what the agencies do
 * to the commitments it keeps. One decorator for every such filter, so that they read and validate alike.
 */
const AgencyCodes = (which: string, example = 'ILO'): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'string', pattern: AGENCY.source },
      maxItems: 100,
      example: [example],
      description: `agency codes: commitments one of them ${which}; ${SEVERAL}`,
    }),
    Omittable(),
    Transform(toList),
    ArrayMaxSize(100),
    Matches(AGENCY, { each: true, message: `must hold agency codes such as ${example}` }),
  );

/** `asOf` of a read: things as they stood at an effective instant (README, "Two times"). */
const AsOf = (description = 'as things stood at this instant (or date: its start, UTC)', example = '2014-12-31'): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ example, description }), Omittable(), IsInstant());

/** `knownAt` of a read: as the system knew things at a recorded instant; never later than now (422 KNOWN_AT_IN_FUTURE). */
const KnownAt = (description = 'as the system knew them at this instant (default: all it knows now)'): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ example: '2015-01-20', description }), Omittable(), IsInstant());

/** The point in time a read is asked at, from its accepted `asOf` and `knownAt` (a date: the start of that day, UTC). */
export function askedAt(query: { asOf?: string; knownAt?: string }): AskedAt {
  return {
    asOf: query.asOf === undefined ? undefined : toInstant(query.asOf),
    knownAt: query.knownAt === undefined ? undefined : toInstant(query.knownAt),
  };
}

/**
 * The filters of the commitment list, its facet counts and its export, and the point in time they are asked at
 * (`asOf`, `knownAt`): the three answer about the same commitments.
 */
export class CommitmentFiltersQuery {
  @AgencyCodes('leads or supports') agency?: string[];
  @AgencyCodes('leads') lead?: string[];
  @AgencyCodes('supports', 'IOM') supporting?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 1,
    maximum: 8,
    example: [2],
    description: `agenda items, 1 to 8; ${SEVERAL}`,
  })
  @Omittable()
  @Transform(toNumbers)
  @ArrayMaxSize(8)
  @IsInt({ each: true, message: 'must hold agenda item numbers, 1 to 8' })
  @Min(1, { each: true, message: 'agenda items are numbered 1 to 8' })
  @Max(8, { each: true, message: 'agenda items are numbered 1 to 8' })
  agendaItem?: number[];

  @ApiPropertyOptional({ type: [String], example: ['10.7'], description: `SDG targets; ${SEVERAL}` })
  @Omittable()
  @Transform(toList)
  @ArrayMaxSize(200)
  @Matches(SDG_TARGET, { each: true, message: 'must hold SDG targets such as 10.7' })
  sdgTarget?: string[];

  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES, isArray: true, description: `statuses; ${SEVERAL}` })
  @Omittable()
  @Transform(toList)
  @IsIn(COMMITMENT_STATUSES, { each: true })
  status?: CommitmentStatus[];

  @ApiPropertyOptional() @Omittable() @Transform(toBoolean) @IsBoolean({ message: 'must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional({ description: 'full-text search over code, title and text' }) @Omittable() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ example: '2015-01-01', format: 'date' })
  @Omittable()
  @IsCalendarDate()
  dueBefore?: string;

  @AsOf() asOf?: string;
  @KnownAt() knownAt?: string;
}

const SORT_DESCRIPTION = 'code, title, status (lifecycle order), dueDate (none last) or lead; a leading - for descending; ties by code';

export class ListCommitmentsQuery extends CommitmentFiltersQuery {
  @ApiPropertyOptional({ enum: COMMITMENT_SORTS, default: 'code', description: SORT_DESCRIPTION })
  @Omittable()
  @IsIn(COMMITMENT_SORTS, { message: `must be one of ${COMMITMENT_SORTS.join(', ')}` })
  sort?: CommitmentSort;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: "the previous page's nextCursor, with the same sort" })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

export class ExportCommitmentsQuery extends CommitmentFiltersQuery {
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS, { message: 'must be csv or xlsx' }) format: ExportFormat;

  @ApiPropertyOptional({ enum: COMMITMENT_SORTS, default: 'code', description: SORT_DESCRIPTION })
  @Omittable()
  @IsIn(COMMITMENT_SORTS, { message: `must be one of ${COMMITMENT_SORTS.join(', ')}` })
  sort?: CommitmentSort;
}

export class GetCommitmentQuery {
  @AsOf('an instant (or a date: its start, UTC): the commitment as it was then', '2014-06-01T00:00:00Z') asOf?: string;
  @KnownAt('an instant (or a date: its start, UTC): as the system knew it then (default: all it knows now)') knownAt?: string;
}

export class StatisticsQuery {
  @ApiProperty({ enum: ['agency', 'agendaItem'] }) @IsIn(['agency', 'agendaItem']) by: 'agency' | 'agendaItem';
  @AsOf() asOf?: string;
  @KnownAt() knownAt?: string;
}

export class ExtensionRequest {
  @ApiProperty({ example: '2015-06-30', format: 'date', description: 'the due date asked for' })
  @IsCalendarDate()
  dueDate: string;

  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(5000) reason: string;

  @EffectiveAt('when the agency asked') effectiveAt?: string;
}

export class ExtensionDecision {
  @ApiProperty({ enum: ['approve', 'decline'] }) @IsIn(['approve', 'decline']) decision: 'approve' | 'decline';
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(5000) comment?: string;

  @EffectiveAt('when it was decided') effectiveAt?: string;
}
