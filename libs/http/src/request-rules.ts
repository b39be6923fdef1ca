import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { readDate, readInstant, type Reading } from '@hld/kernel';

/**
 * Rules of request classes that class-validator does not say the way the API means them. Shared by every
 * request class, so that a field means the same thing on every route.
 */

/**
 * The field may be left out. `null` is a value, not an absence: it is refused like any other wrong value unless the
 * field is also `@Nullable()` (class-validator's `@IsOptional()` lets null through, and a PATCH then stores it).
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** `null` means something here (it clears the field); any other value is validated. */
export const Nullable = (): PropertyDecorator => ValidateIf((_, value) => value !== null);

function rule(
  name: string,
  valid: (value: unknown) => boolean,
  message: (value: unknown) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: valid, defaultMessage: (args?: ValidationArguments) => message(args?.value) },
    });
}

/** Text with something in it: whitespace alone is as empty as nothing. */
export const IsNotBlank = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isNotBlank',
    (value) => typeof value === 'string' && value.trim() !== '',
    () => 'must not be blank',
    options,
  );

const problemOf = (reading: Reading<unknown>): string => (reading.ok ? '' : reading.problem);

/** A calendar date `YYYY-MM-DD` in the years 1900 to 2100 (the API's one date format; see @hld/kernel calendar). */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isCalendarDate',
    (value) => readDate(value).ok,
    (value) => problemOf(readDate(value)),
    options,
  );

/** A date, or an RFC 3339 date-time with its offset, in the years 1900 to 2100 (see @hld/kernel calendar). */
export const IsInstant = (options?: ValidationOptions): PropertyDecorator =>
  rule(
    'isInstant',
    (value) => readInstant(value).ok,
    (value) => problemOf(readInstant(value)),
    options,
  );
