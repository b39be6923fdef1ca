import { aFreshAgency } from './factories.js';
import type { SignedIn, TestApi } from './test-api.js';

export type Principal = 'admin' | 'coordinator' | 'lead' | 'supporting' | 'other' | 'viewer';

/**
 * Everyone a rule about one commitment can concern, signed in: focal points of the agency that leads it (`lead`),
 * of one that supports it (`supporting`) and of one with no part in it (`other`), and the other roles. The agencies
 * are fresh, so nothing else in the database is theirs.
 */
export async function principalsAroundACommitment(
  api: TestApi,
): Promise<{ lead: string; supporting: string; as: Record<Principal, SignedIn> }> {
  const lead = await aFreshAgency(api.db);
  const supporting = await aFreshAgency(api.db);
  const other = await aFreshAgency(api.db);
  return {
    lead,
    supporting,
    as: {
      admin: await api.signIn('admin'),
      coordinator: api.coordinator,
      lead: await api.signIn('focal_point', lead),
      supporting: await api.signIn('focal_point', supporting),
      other: await api.signIn('focal_point', other),
      viewer: await api.signIn('viewer'),
    },
  };
}
