import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RegisterCommitmentRequest, ReportProgressRequest } from '@hld/commitments';
import { DOCUMENT_KINDS, type Citation, type DocumentKind, type SourceDocument } from './citations.js';

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

const DOCUMENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class PageRangeEntry {
  @IsInt() @Min(1) first: number;
  @IsInt() @Min(1) last: number;
}

export class ChapterEntry {
  @IsString() @IsNotEmpty() title: string;
  @IsOptional() @IsInt() @Min(1) number?: number;
  @IsOptional() @ValidateNested() @Type(() => PageRangeEntry) pages?: PageRangeEntry;
}

export class SectionEntry {
  @IsString() @IsNotEmpty() id: string;
  @IsString() @IsNotEmpty() title: string;
}

/** A document the catalogue cites (documents.json). */
export class DocumentEntry implements SourceDocument {
  @Matches(DOCUMENT_ID, { message: 'must be lower-case words joined by hyphens, such as cm12-report' }) id: string;
  @IsIn(DOCUMENT_KINDS) kind: DocumentKind;
  @IsString() @IsNotEmpty() title: string;
  @IsOptional() @IsString() @IsNotEmpty() shortTitle?: string;
  @ValidateIf((d: DocumentEntry) => d.symbol !== null) @IsString() @IsNotEmpty() symbol: string | null;
  @IsString() @IsNotEmpty() publisher: string;
  @ValidateIf((d: DocumentEntry) => d.year !== null) @IsInt() @Min(1945) @Max(2100) year: number | null;
  @IsOptional() @IsUrl({ require_protocol: true }) url?: string;
  @IsOptional() @ValidateNested() @Type(() => PageRangeEntry) pages?: PageRangeEntry;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ChapterEntry) chapters?: ChapterEntry[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SectionEntry) sections?: SectionEntry[];
  /** For maintainers: the prefix of the seed text that holds it (000 … 004). */
  @IsOptional() @Matches(/^\d{3}$/) seedFile?: string;
  @IsOptional() @IsString() note?: string;
}

/** Where a record comes from: a document of documents.json, and the chapter, sections or pages in it. */
export class CitationEntry implements Citation {
  @Matches(DOCUMENT_ID, { message: 'must be the id of a document of documents.json' }) document: string;
  @IsOptional() @IsString() @IsNotEmpty() chapter?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsString({ each: true }) sections?: string[];
  @IsOptional()
  @Matches(/^\d+(-\d+)?(, \d+(-\d+)?)*$/, { message: 'must be a page, a range such as 12-14 or a list such as 3, 16' })
  pages?: string;
}

/**
 * What a record that cites carries: `source`, the citation as users read it (built from `citations`), the
 * citations themselves, and `sourceLines`, the line references of the seed texts, for maintainers only.
 */
const Cited = (): PropertyDecorator => (target, key) => {
  for (const decorate of [IsArray(), ArrayMinSize(1), ValidateNested({ each: true }), Type(() => CitationEntry)]) decorate(target, key);
};

export class AgencyEntry {
  @Matches(/^[A-Z][A-Z0-9]{1,19}$/, { message: 'must be 2-20 capital letters or digits' }) code: string;
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @IsIn(AGENCY_KINDS) kind: (typeof AGENCY_KINDS)[number];
  @IsBoolean() un: boolean;
  @IsBoolean() gmg: boolean;
  @IsBoolean() contributedToBook: boolean;
  @IsString() @IsNotEmpty() source: string;
  @Cited() citations: CitationEntry[];
  @IsString() @IsNotEmpty() sourceLines: string;
  @IsOptional() @IsString() note?: string;
}

export class AgendaItemEntry {
  @IsInt() @Min(1) @Max(8, { message: 'agenda items are numbered 1 to 8' }) number: number;
  @IsString() @IsNotEmpty() title: string;
  @IsString() description: string;
  @IsString() @IsNotEmpty() source: string;
  /** The support in the sources with their line references, for maintainers; `source` cites the documents. */
  @IsOptional() @IsString() sourceLines?: string;
  @IsOptional() @IsString() titleSource?: string;
}

/** A commitment as the book gives it, with the notes that explain the catalogue's judgements. */
export class CommitmentEntry extends RegisterCommitmentRequest {
  @Cited() citations: CitationEntry[];
  @IsString() @IsNotEmpty() sourceLines: string;
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
  @IsString() @IsNotEmpty() @MaxLength(1000) source: string;
  @Cited() citations: CitationEntry[];
  /** Also what the report's id is made from, so it must not change once the report is loaded. */
  @IsString() @IsNotEmpty() sourceLines: string;
}
