import { AccessPolicy, NotAllowed, type Decision } from './access-policy.js';
import type { Actor } from './actor.js';

/** A toy context: documents an agency owns. */
interface Doc {
  name: string;
  owner: string;
}
const POLICY = new AccessPolicy<'read' | 'edit' | 'delete', 'own', Doc>({
  actions: ['read', 'edit', 'delete'],
  grants: {
    admin: { read: 'any', edit: 'any', delete: 'any' },
    coordinator: { read: 'any', edit: 'any' },
    focal_point: { read: 'any', edit: 'own' },
    viewer: { read: 'any' },
    system: {},
  },
  relations: { own: { holds: (actor, doc) => doc.owner === actor.agency, rule: 'a focal point edits only its agency’s documents' } },
  describe: (doc) => doc.name,
});

const ilo: Actor = { id: 'u1', role: 'focal_point', agency: 'ILO' };
const iloDoc: Doc = { name: 'D-1', owner: 'ILO' };
const iomDoc: Doc = { name: 'D-2', owner: 'IOM' };

describe('AccessPolicy', () => {
  it.each<[string, Actor, 'read' | 'edit' | 'delete', Doc | undefined, Decision]>([
    ['an any-grant', { id: 'a', role: 'coordinator' }, 'edit', iomDoc, { allowed: true, rule: 'granted to coordinators' }],
    ['a relation that holds', ilo, 'edit', iloDoc, { allowed: true, rule: 'granted to focal points where own' }],
    ['a relation that does not', ilo, 'edit', iomDoc, { allowed: false, rule: 'a focal point edits only its agency’s documents' }],
    [
      'a relation before the resource is known',
      ilo,
      'edit',
      undefined,
      { allowed: true, rule: 'granted to focal points where own, once the resource is known' },
    ],
    ['no grant: the holders, from the table', ilo, 'delete', iloDoc, { allowed: false, rule: 'reserved to admins' }],
    [
      'no grant, several holders',
      { id: 'v', role: 'viewer' },
      'edit',
      undefined,
      { allowed: false, rule: 'reserved to admins, coordinators and focal points' },
    ],
    ['a role the tables do not know', { id: 'x', role: 'anonymous' }, 'read', undefined, { allowed: false, rule: 'unknown role' }],
    ['no role at all', { id: 'x' }, 'read', undefined, { allowed: false, rule: 'unknown role' }],
    [
      'a grantee with an empty row',
      { id: 's', role: 'system' },
      'read',
      undefined,
      { allowed: false, rule: 'reserved to admins, coordinators, focal points and viewers' },
    ],
  ])('%s', (_name, actor, action, resource, decision) => {
    expect(POLICY.may(actor, action, resource)).toEqual(decision);
  });

  it('assertMay throws NotAllowed: 403 with the action, the rule and the resource in the message', () => {
    expect(() => POLICY.assertMay(ilo, 'edit', iloDoc)).not.toThrow();
    let error: unknown;
    try {
      POLICY.assertMay(ilo, 'edit', iomDoc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotAllowed);
    expect(error).toMatchObject({
      code: 'NOT_ALLOWED',
      kind: 'forbidden',
      message: 'focal_point of ILO may not edit on D-2: a focal point edits only its agency’s documents.',
      details: { action: 'edit', rule: 'a focal point edits only its agency’s documents' },
    });
  });
});
