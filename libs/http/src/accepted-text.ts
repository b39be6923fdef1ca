import type { FieldProblem } from '@hld/kernel';

/**
 * What the API accepts as text, decided once for every string it receives: well-formed Unicode (no lone UTF-16
 * surrogate, which has no UTF-8 form and which PostgreSQL's jsonb refuses) without control characters other than
 * tab, line feed and carriage return (NUL cannot be stored in PostgreSQL text at all; the others are never part of
 * a title, a report or a name, and reach logs and terminals as escape sequences).
 */
const UNACCEPTABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The deepest nesting of arrays and objects a request body may have; the deepest request the API takes has 3. */
export const MAX_NESTING = 32;

/** How many problems one request reports at most: enough to fix it, not an amplifier. */
const MAX_PROBLEMS = 10;

const codePoint = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` is not acceptable text, or null when it is. */
export function textProblem(text: string): string | null {
  const found = UNACCEPTABLE.exec(text);
  if (!found) return null;
  const unit = found[0].charCodeAt(0);
  return unit >= 0xd800
    ? `is not well-formed Unicode: a lone surrogate (${codePoint(unit)}) at position ${found.index}`
    : `contains the control character ${codePoint(unit)} at position ${found.index}; text may hold tabs and line breaks but no other control characters`;
}

/** A field name fit to be printed back: unacceptable characters of a key are shown as escapes. */
const printable = (key: string): string =>
  key.replace(new RegExp(UNACCEPTABLE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Every unacceptable string (value or key) and every nesting deeper than MAX_NESTING in a parsed body, query or
 * set of path parameters, named by its path (`indicators.0.name`, as validation names fields). Iterative, so a 10,000-deep body costs a loop,
 * not the stack.
 */
export function inputProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; path: string | null; depth: number }> = [{ value, path: null, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: node, path, depth } = stack.pop()!;
    const field = path ?? '(body)';
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) problems.push({ field, message: problem });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_NESTING) {
      // named by the field it starts in: the path down to here is just the nesting
      const top = path?.split('.')[0];
      problems.push({
        field: top === undefined || Array.isArray(value) ? '(body)' : top,
        message: `is nested more than ${MAX_NESTING} levels deep`,
      });
      continue;
    }
    const entries = Array.isArray(node) ? node.map((item, i) => [String(i), item] as const) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i];
      const child = path === null ? printable(key) : `${path}.${printable(key)}`;
      const keyProblem = Array.isArray(node) ? null : textProblem(key);
      if (keyProblem) problems.push({ field: child, message: `has a name that ${keyProblem}` });
      else stack.push({ value: item, path: child, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
