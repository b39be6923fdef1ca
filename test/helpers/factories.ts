import { randomInt, randomUUID } from 'node:crypto';
import type { Agent } from './test-api.js';

let sequence = 0;

/** A code no other test uses, in the catalogue's shape (<PREFIX>-<suffix>). */
export function uniqueCode(prefix = 'TEST'): string {
  sequence += 1;
  return `${prefix}-${randomUUID().slice(0, 8)}${sequence}`;
}

export interface RegisterBody {
  code: string;
  title: string;
  text: string;
  source: string;
  kind: 'agenda-item' | 'recommendation' | 'declaration';
  leadAgency: string;
  supportingAgencies?: string[];
  agendaItems: number[];
  sdgTargets?: string[];
  dueDate?: string | null;
  effectiveAt?: string;
}

/** A valid registration body; override what the test is about. */
export function aCommitment(overrides: Partial<RegisterBody> = {}): RegisterBody {
  return {
    code: uniqueCode(),
    title: 'Reduce the costs of labour migration',
    text: 'Promote fair recruitment practices and lower the fees paid by migrant workers.',
    source: 'A/68/190',
    kind: 'recommendation',
    leadAgency: 'ILO',
    supportingAgencies: ['IOM'],
    agendaItems: [2],
    sdgTargets: ['10.7'],
    dueDate: null,
    ...overrides,
  };
}

/** A new agency only this test knows, so counts filtered by it are exact whatever else is in the database. */
export async function aFreshAgency(db: { query: (sql: string, params: unknown[]) => Promise<unknown> }): Promise<string> {
  const code = `T${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  await db.query(`INSERT INTO agencies (code, name, kind, un, gmg) VALUES ($1, $2, 'other', false, false)`, [code, `Test agency ${code}`]);
  return code;
}

/**
 * A word of letters only that no other test uses, for a test to put in its commitments' text and search for, so
 * that its counts are exact whatever else the database holds (the English text search keeps it whole).
 */
export const aUniqueWord = () => `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

/** Registers `aCommitment(overrides)` through the API, as `http` (a coordinator). */
export async function registerCommitment(http: Agent, overrides: Partial<RegisterBody>): Promise<{ code: string }> {
  return (await http.post('/api/v1/commitments').send(aCommitment(overrides)).expect(201)).body as { code: string };
}

/** Moves a commitment just registered (version 1) through the statuses `steps`, one transition each, as `http`. */
export async function moveThrough(http: Agent, code: string, ...steps: string[]): Promise<void> {
  for (const [i, to] of steps.entries())
    await http
      .post(`/api/v1/commitments/${code}/transitions`)
      .set('If-Match', `"${i + 1}"`)
      .send({ to })
      .expect(200);
}
