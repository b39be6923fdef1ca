import { DomainError } from '@hld/kernel';
import { RequestValidationFailed } from './request-validation-failed.js';

/** A well-formed If-Match that no representation can satisfy under strong comparison: nothing is changed. */
export class PreconditionFailed extends DomainError {
  constructor(reason: string) {
    super('PRECONDITION_FAILED', 'precondition_failed', `If-Match can never match: ${reason}.`, {}, [
      { field: 'If-Match', message: reason },
    ]);
  }
}

/** One entity-tag (RFC 9110 §8.8.3): an optional weak prefix and an opaque quoted string, then a comma or the end. */
const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;
/** The ETags this API gives are versions: `"3"`. */
const VERSION = /^\d{1,9}$/;

const malformed = (message: string) => new RequestValidationFailed([{ field: 'If-Match', message }]);

/**
 * The version an If-Match header names, compared strongly as RFC 9110 §13.1.1 requires for If-Match: `"3"` is
 * version 3. A weak tag (`W/"3"`) or a tag this API never gives (`"abc"`) can never match: 412. Anything that is not
 * a list of entity-tags (`3`, `"3`, `W/`), `*`, or several versions at once: 400. Absent: undefined, so the
 * handler decides whether a version is required (428).
 */
export function versionFromIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '*') throw malformed('must name the version you last read, such as "3" (* is not accepted)');
  const tags: Array<{ weak: boolean; opaque: string }> = [];
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < value.length) {
    const match = ENTITY_TAG.exec(value);
    if (!match) throw malformed('must be an entity-tag such as "3" (quoted)');
    tags.push({ weak: match[1] !== undefined, opaque: match[2] });
  }
  if (tags.length === 0) throw malformed('must be an entity-tag such as "3" (quoted)');
  const strong = tags.filter((t) => !t.weak);
  if (strong.length === 0)
    throw new PreconditionFailed(
      'it is compared strongly, and a weak entity-tag (W/"…") never matches; send the ETag as given, such as "3"',
    );
  if (strong.length > 1) throw malformed('must name one version, such as "3"');
  if (!VERSION.test(strong[0].opaque))
    throw new PreconditionFailed(`"${strong[0].opaque}" is not an ETag this API gives (they are versions, such as "3")`);
  return Number(strong[0].opaque);
}
