import type { ValidationError } from 'class-validator';
import { DomainError, type FieldProblem } from '@hld/kernel';

/** The body, query or a header did not have the expected shape; lists every offending field. */
export class RequestValidationFailed extends DomainError {
  constructor(fields: FieldProblem[]) {
    super(
      'VALIDATION_FAILED',
      'invalid_input',
      `The request is invalid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      {},
      fields,
    );
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationFailed {
    return new RequestValidationFailed(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts messages with the property name; say it once, in `field`
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
