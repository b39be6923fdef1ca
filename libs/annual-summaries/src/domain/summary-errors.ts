import { DomainError } from '@hld/kernel';

/** Every error code the annual-summaries context raises. */
export enum SummaryErrorCode {
  InvalidYear = 'INVALID_SUMMARY_YEAR',
  VersionNotFound = 'SUMMARY_VERSION_NOT_FOUND',
  FormatNotFound = 'SUMMARY_FORMAT_NOT_FOUND',
  NotReady = 'SUMMARY_NOT_READY',
}

export class InvalidSummaryYear extends DomainError {
  constructor(year: unknown, first: number, latest: number) {
    super(
      SummaryErrorCode.InvalidYear,
      'invalid_input',
      `There is no summary year ${String(year)}: reporting years run from ${first} to ${latest}.`,
      { year },
      [{ field: 'year', message: `must be a year from ${first} to ${latest}` }],
    );
  }
}

export class SummaryVersionNotFound extends DomainError {
  constructor(year: number, version: number | string) {
    super(SummaryErrorCode.VersionNotFound, 'not_found', `The ${year} summary has no version "${version}".`, { year, version });
  }
}

export class SummaryFormatNotFound extends DomainError {
  constructor(requested: string, formats: readonly string[]) {
    super(
      SummaryErrorCode.FormatNotFound,
      'not_found',
      `A summary comes as ${formats.map((f) => `.${f}`).join(', ')}; "${requested}" is none of them.`,
      { formats },
    );
  }
}

export class SummaryNotReady extends DomainError {
  constructor(year: number, version: number, status: string) {
    super(
      SummaryErrorCode.NotReady,
      'conflict',
      `Version ${version} of the ${year} summary is ${status}: it can be downloaded once it is done.`,
      { year, version, status },
    );
  }
}
