/**
 * Facts in effective time: the order a commitment's state is folded in is the order its facts took effect, not
 * the order they were recorded. Generic helpers, free of the commitment's own rules (commitment.ts has those).
 */

/** Something that took effect at an instant. */
export interface Effective {
  readonly effectiveAt: Date;
}

/** The facts in the order they took effect; facts of the same instant keep the order they were recorded in. */
export function inEffectiveOrder<E extends Effective>(events: readonly E[]): E[] {
  // Array.prototype.sort is stable: ties stay in recorded order
  return [...events].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
}

/** A state and the instant it holds from, until the next period's `from` (or for good, if it is the last). */
export interface Period<S> {
  from: Date;
  state: S;
}

/**
 * The periods that `start` and then `events` (in effective order, none before `start.from`) make: one per instant
 * at which something took effect, holding the state after everything effective at that instant.
 */
export function periodsFrom<S, E extends Effective>(
  start: Period<S> | null,
  events: readonly E[],
  step: (state: S | null, event: E) => S,
): Array<Period<S>> {
  const periods: Array<Period<S>> = start ? [{ ...start }] : [];
  let state: S | null = start ? start.state : null;
  for (const event of events) {
    const next = step(state, event);
    state = next;
    const last = periods[periods.length - 1];
    if (last && last.from.getTime() === event.effectiveAt.getTime()) last.state = next;
    else periods.push({ from: event.effectiveAt, state: next });
  }
  return periods;
}
