import type { SelectQueryBuilder } from 'typeorm';
import type { Clock } from '@hld/kernel';
import { KnownAtInFuture } from '../domain/commitment-errors.js';
import type { OverdueContext } from '../domain/overdue.js';
import { overdueContextAt, type ReportingObligations } from './reporting-obligations.js';

/**
 * A point of the two times a question is asked at: things as they stood at the effective instant `asOf`, as the
 * system knew them at the recorded instant `knownAt` (null: everything recorded so far). `knownAt` may be before
 * `asOf` (what did we believe on 20 January 2015 about 31 December 2014?), never later than now.
 */
export interface PointInTime {
  asOf: Date;
  knownAt: Date | null;
}

/**
 * When a read is asked about, as its caller gave it: as things stood at the effective instant `asOf`, as known at
 * the recorded instant `knownAt`; neither: now. The list, its facet counts, its export and the statistics take it.
 */
export interface AskedAt {
  asOf?: Date;
  knownAt?: Date;
}

/** The point a query names, or null for the current state (neither given); `asOf` defaults to now. */
export function pointInTime(clock: Clock, asOf?: Date, knownAt?: Date): PointInTime | null {
  if (!asOf && !knownAt) return null;
  const now = clock.now();
  if (knownAt && knownAt > now) throw new KnownAtInFuture(knownAt, now);
  return { asOf: asOf ?? now, knownAt: knownAt ?? null };
}

/**
 * The rows of commitment_versions, aliased `c`, that hold at `at`: one per commitment registered by then (as known
 * then), with its state. As known now, through the index of the rows still held true; as known earlier, those rows
 * recorded by then and the rows superseded since.
 */
export function versionsAtSql(at: PointInTime): { condition: string; params: Record<string, unknown> } {
  if (!at.knownAt) return { condition: `(c.recorded_to IS NULL AND c.current_period @> :asOf::timestamptz)`, params: { asOf: at.asOf } };
  return {
    condition: `((c.recorded_to IS NULL AND c.current_period @> :asOf::timestamptz AND c.recorded_from <= :knownAt::timestamptz)
      OR (c.recorded_to IS NOT NULL AND tstzrange(c.effective_from, c.effective_to) @> :asOf::timestamptz
          AND tstzrange(c.recorded_from, c.recorded_to) @> :knownAt::timestamptz))`,
    params: { asOf: at.asOf, knownAt: at.knownAt },
  };
}

/** Narrows a query over commitment_versions aliased `c` to the versions that hold at `at` (read like commitment_view's rows). */
export function whereVersionsAt<T extends object>(qb: SelectQueryBuilder<T>, at: PointInTime): SelectQueryBuilder<T> {
  const { condition, params } = versionsAtSql(at);
  return qb.where(condition, params);
}

/** The commitments at `at` as a derived table shaped like commitment_view (`id` is the commitment's), for raw SQL. */
export function commitmentsAtSql(at: PointInTime): { table: string; params: Record<string, unknown> } {
  const { condition, params } = versionsAtSql(at);
  return { table: `(SELECT c.commitment_id AS id, c.* FROM commitment_versions c WHERE ${condition})`, params };
}

/**
 * What "overdue" means at `at`: the day of `asOf` (a due date passed by then), the latest cycle whose deadline had
 * passed by then, and only the reports effective by then and recorded by `knownAt`.
 */
export async function overdueContextAtPoint(at: PointInTime, obligations?: ReportingObligations): Promise<OverdueContext> {
  return { ...(await overdueContextAt(at.asOf, obligations)), reportsBy: { effective: at.asOf, recorded: at.knownAt } };
}
