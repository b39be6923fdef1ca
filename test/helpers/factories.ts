import { randomUUID } from 'node:crypto';

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
