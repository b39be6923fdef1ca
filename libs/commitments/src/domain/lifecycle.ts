/**
 * The lifecycle of a commitment as one declarative table. The aggregate consults it; nothing else decides
 * which status may follow which.
 *
 *   proposed ──▶ accepted ──▶ in_progress ──▶ under_review ──▶ completed
 *       └────────────────────────▲  ▲             │               │
 *                                │  └── returned ─┘               │
 *   any non-terminal ──▶ discontinued ── reopened ──▶ in_progress ◀┘ (reopened)
 */
export const COMMITMENT_STATUSES = ['proposed', 'accepted', 'in_progress', 'under_review', 'completed', 'discontinued'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly CommitmentStatus[] = ['completed', 'discontinued'];

/** What a transition means; authorization rules (who may do what) are phrased in these terms. */
export const TRANSITION_ACTIONS = [
  'accept',
  'start',
  'submit_for_review',
  'validate_completion',
  'return_for_work',
  'discontinue',
  'reopen',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export const DISCONTINUATION_CATEGORIES = ['overtaken_by_events', 'superseded', 'not_feasible', 'other'] as const;
export type DiscontinuationCategory = (typeof DISCONTINUATION_CATEGORIES)[number];

export interface Transition {
  from: CommitmentStatus;
  to: CommitmentStatus;
  action: TransitionAction;
  /** A reason is required (returning, discontinuing, reopening all need an explanation on the record). */
  reasonRequired: boolean;
}

const discontinue = (from: CommitmentStatus): Transition => ({ from, to: 'discontinued', action: 'discontinue', reasonRequired: true });

export const TRANSITIONS: readonly Transition[] = [
  { from: 'proposed', to: 'accepted', action: 'accept', reasonRequired: false },
  { from: 'proposed', to: 'in_progress', action: 'start', reasonRequired: false },
  { from: 'accepted', to: 'in_progress', action: 'start', reasonRequired: false },
  { from: 'in_progress', to: 'under_review', action: 'submit_for_review', reasonRequired: false },
  { from: 'under_review', to: 'completed', action: 'validate_completion', reasonRequired: false },
  { from: 'under_review', to: 'in_progress', action: 'return_for_work', reasonRequired: true },
  discontinue('proposed'),
  discontinue('accepted'),
  discontinue('in_progress'),
  discontinue('under_review'),
  { from: 'completed', to: 'in_progress', action: 'reopen', reasonRequired: true },
  { from: 'discontinued', to: 'in_progress', action: 'reopen', reasonRequired: true },
];

export function findTransition(from: CommitmentStatus, to: CommitmentStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(from: CommitmentStatus): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from);
}

export function allowedNextStatuses(from: CommitmentStatus): CommitmentStatus[] {
  return transitionsFrom(from).map((t) => t.to);
}

export function isTerminal(status: CommitmentStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
