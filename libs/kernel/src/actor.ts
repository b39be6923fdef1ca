/** Who is acting: recorded on every event, taken from the authenticated principal at the edge. */
export interface Actor {
  id: string;
  role?: string;
  agency?: string | null;
}

/** Where a change came from, carried from the edge into the event metadata. */
export interface ChangeContext {
  actor: Actor;
  correlationId: string;
  idempotencyKey?: string;
  clientIp?: string;
}

export const SYSTEM_ACTOR = (id: string): Actor => ({ id: `system:${id}`, role: 'system', agency: null });
