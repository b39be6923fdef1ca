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

/**
 * The constraints that say what kind of value a field takes, in the order they are reported: when one of them
 * fails, the others (a range, a length) only add noise ("2026" is not "less than 2013").
 */
const KIND_FIRST = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isIn',
];

/** One clear message per field: what was wrong with the value, said once. */
function messageOf(error: ValidationError): string | null {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return null;
  if (!names.includes('whitelistValidation')) {
    if (error.value === null) return 'must not be null';
    if (error.value === undefined) return 'is required';
  }
  const name = KIND_FIRST.find((n) => n in constraints) ?? names[0];
  const message = constraints[name];
  // class-validator starts messages with the property name; say it once, in `field`
  return message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = messageOf(error);
    return [...(message === null ? [] : [{ field, message }]), ...flatten(error.children ?? [], field)];
  });
}
