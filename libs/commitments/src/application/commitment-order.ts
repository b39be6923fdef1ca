import type { SelectQueryBuilder } from 'typeorm';
import { readDate } from '@hld/kernel';
import { COMMITMENT_CODE } from '../domain/commitment-events.js';
import { InvalidCursor } from '../domain/commitment-errors.js';
import { COMMITMENT_STATUSES } from '../domain/lifecycle.js';

export const SORT_FIELDS = ['code', 'title', 'status', 'dueDate', 'lead'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
/** A field, ascending, or `-field`, descending. */
export type CommitmentSort = SortField | `-${SortField}`;
export const COMMITMENT_SORTS: readonly CommitmentSort[] = SORT_FIELDS.flatMap((f) => [f, `-${f}` as const]);

interface SortKey {
  /** The key as SQL over commitment_view `c`; never NULL, so that the cursor's comparison needs no special case. */
  expression(descending: boolean): string;
  /** The SQL type the key of a cursor is read back as. */
  type: 'text' | 'integer' | 'date';
  /** Whether a cursor's key could be one this sort gave (what PostgreSQL would refuse to cast must not reach it). */
  valid(key: string): boolean;
}

const STATUS_ORDER = `ARRAY[${COMMITMENT_STATUSES.map((s) => `'${s}'`).join(', ')}]`;

const KEYS: Record<Exclude<SortField, 'code'>, SortKey> = {
  // case aside ("alpha" before "Bravo"): the database's collation may be bytewise (C), ICU collations may be absent
  title: { expression: () => 'lower(c.title)', type: 'text', valid: (key) => !key.includes('\u0000') },
  lead: { expression: () => 'c.lead_agency', type: 'text', valid: (key) => !key.includes('\u0000') },
  // the lifecycle's order (proposed first), which reads better than the alphabet's
  status: { expression: () => `array_position(${STATUS_ORDER}, c.status)`, type: 'integer', valid: (key) => /^[1-9]$/.test(key) },
  // commitments without a due date come last in both directions
  dueDate: {
    expression: (descending) => `COALESCE(c.due_date, CAST('${descending ? '-infinity' : 'infinity'}' AS date))`,
    type: 'date',
    valid: (key) => readDate(key).ok || key === 'infinity' || key === '-infinity',
  },
};

const isSort = (value: unknown): value is CommitmentSort => COMMITMENT_SORTS.includes(value as CommitmentSort);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/**
 * The order of a commitment list and its keyset cursor. Ties are broken by code (ascending, whatever the
 * direction), so the order is total and a page never repeats or skips a row. A cursor holds the sort, the last
 * row's key and its code: the next page starts right after that row even if rows were changed meanwhile, and a
 * cursor given for another order is refused. In code order it is the bare code, as it always was.
 */
export class CommitmentOrder {
  readonly field: SortField;
  readonly descending: boolean;

  constructor(readonly sort: CommitmentSort = 'code') {
    this.descending = sort.startsWith('-');
    this.field = (this.descending ? sort.slice(1) : sort) as SortField;
  }

  /** Orders the query, selects the key as `sort_key` (text), and starts after `cursor`'s row if given. */
  apply<T extends object>(qb: SelectQueryBuilder<T>, cursor?: string): SelectQueryBuilder<T> {
    const direction = this.descending ? 'DESC' : 'ASC';
    const after = cursor === undefined ? undefined : this.decode(cursor);
    if (this.field === 'code') {
      qb.orderBy('c.code', direction);
      if (after) qb.andWhere(`c.code ${this.descending ? '<' : '>'} :afterCode`, { afterCode: after.code });
      return qb;
    }
    const { expression, type } = KEYS[this.field];
    const key = expression(this.descending);
    qb.addSelect(`CAST(${key} AS text)`, 'sort_key').orderBy(key, direction).addOrderBy('c.code', 'ASC');
    if (after) {
      const afterKey = `CAST(:afterKey AS ${type})`;
      qb.andWhere(`(${key} ${this.descending ? '<' : '>'} ${afterKey} OR (${key} = ${afterKey} AND c.code > :afterCode))`, {
        afterKey: after.key,
        afterCode: after.code,
      });
    }
    return qb;
  }

  /** The cursor of the page after this row: its code and, unless in code order, its `sort_key`. */
  cursorAfter(code: string, key: string | undefined): string {
    if (this.sort === 'code') return base64url(code);
    return base64url(JSON.stringify([this.sort, this.field === 'code' ? code : key, code]));
  }

  /** What a cursor stands for; a cursor this API did not give, or gave for another order, is refused (400). */
  decode(cursor: string): { key?: string; code: string } {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (base64url(text) !== cursor) throw new InvalidCursor();
    const plainCode = COMMITMENT_CODE.test(text);
    const parsed = plainCode ? null : parseJson(text);
    const shaped =
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      isSort(parsed[0]) &&
      parsed[0] !== 'code' &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'string' &&
      COMMITMENT_CODE.test(parsed[2]);
    if (!plainCode && !shaped) throw new InvalidCursor();
    const givenFor: CommitmentSort = plainCode ? 'code' : (parsed as [CommitmentSort])[0];
    if (givenFor !== this.sort)
      throw new InvalidCursor(`is from the list sorted by ${givenFor}, not by ${this.sort}: start from the first page`);
    if (plainCode) return { code: text };
    const [, key, code] = parsed as [CommitmentSort, string, string];
    if (this.field !== 'code' && !KEYS[this.field].valid(key)) throw new InvalidCursor();
    return { key, code };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
