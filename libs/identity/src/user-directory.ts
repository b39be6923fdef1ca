import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ReferenceData } from '@hld/agencies';
import { isUniqueViolation, UnitOfWork } from '@hld/persistence';
import { DomainError, type Role } from '@hld/kernel';
import { hashPassword } from './password-hasher.js';
import { EmailTaken, InvalidUserAgency, LastActiveAdmin, UserNotFound } from './identity-errors.js';
import { KnownPrincipals } from './known-principals.js';
import { toUser, USER_COLUMNS, type User, type UserRow } from './principal.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  agency?: string | null;
  password: string;
  demo?: boolean;
}

export interface UserChanges {
  role?: Role;
  agency?: string | null;
  active?: boolean;
}

/** The users of the tracker: who they are, their role, and for focal points the agency they speak for. */
@Injectable()
export class UserDirectory {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly referenceData: ReferenceData,
    private readonly known: KnownPrincipals,
  ) {}

  async create(user: NewUser): Promise<User> {
    const agency = user.agency ?? null;
    await this.assertAgencyFits(user.role, agency);
    try {
      const [row] = await this.unitOfWork.manager.query(
        `INSERT INTO users (id, email, display_name, role, agency, password_hash, demo) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING ${USER_COLUMNS}`,
        [randomUUID(), user.email.trim(), user.name.trim(), user.role, agency, await hashPassword(user.password), user.demo ?? false],
      );
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw new EmailTaken();
      throw error;
    }
  }

  async list(who: 'everyone' | 'focal_points'): Promise<User[]> {
    const rows: UserRow[] = await this.unitOfWork.manager.query(
      who === 'everyone'
        ? `SELECT ${USER_COLUMNS} FROM users ORDER BY lower(email)`
        : `SELECT ${USER_COLUMNS} FROM users WHERE role = 'focal_point' ORDER BY lower(email)`,
    );
    return rows.map(toUser);
  }

  async get(id: string): Promise<User> {
    const [row] = await this.unitOfWork.manager.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!row) throw new UserNotFound(id);
    return toUser(row);
  }

  /** Refuses (409) to leave no active admin: nobody could manage users through the API any more. */
  async update(id: string, changes: UserChanges): Promise<User> {
    return this.unitOfWork.run(async (tx) => {
      if (changes.role !== undefined || changes.active === false) {
        // changes that may take away an admin queue up, so two admins demoting each other cannot both see the other
        // one still there (taken before any row lock: taken after, two such changes would deadlock on the rows)
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('users'), hashtext('admins'))`);
      }
      const [current] = await tx.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw new UserNotFound(id);
      const role = changes.role ?? current.role;
      const active = changes.active ?? current.active;
      if (current.role === 'admin' && current.active && (role !== 'admin' || !active)) {
        const [{ others }] = await tx.query(`SELECT count(*)::int AS others FROM users WHERE role = 'admin' AND active AND id <> $1`, [id]);
        if (others === 0) throw new LastActiveAdmin();
      }
      // moving away from focal point drops the agency unless a new one is given explicitly
      const agency = changes.agency !== undefined ? changes.agency : role === 'focal_point' ? current.agency : null;
      await this.assertAgencyFits(role, agency);
      const [row] = await tx.query(
        `WITH updated AS (UPDATE users SET role = $2, agency = $3, active = $4, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS})
         SELECT * FROM updated`,
        [id, role, agency, active],
      );
      if (changes.active === false) {
        // deactivation ends every session now; API tokens are refused through the active flag
        await tx.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      // this process's next request sees the change; the others hear of it from PostgreSQL
      this.unitOfWork.afterCommit(() => this.known.forget(id));
      return toUser(row);
    });
  }

  /** Active users who receive notifications in a role: a given agency's focal points, or all coordinators. */
  async recipients(
    role: 'focal_point' | 'coordinator',
    agencies?: readonly string[],
  ): Promise<Array<Pick<User, 'id' | 'email' | 'name' | 'agency'>>> {
    const rows: Array<{ id: string; email: string; display_name: string; agency: string | null }> = await this.unitOfWork.manager.query(
      `SELECT id, email, display_name, agency FROM users
       WHERE active AND role = $1 AND ($2::text[] IS NULL OR agency = ANY($2::text[]))
       ORDER BY agency NULLS FIRST, lower(email)`,
      [role, agencies ? [...agencies] : null],
    );
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.display_name, agency: r.agency }));
  }

  async count(): Promise<number> {
    const [{ n }] = await this.unitOfWork.manager.query('SELECT count(*)::int AS n FROM users');
    return n;
  }

  private async assertAgencyFits(role: Role, agency: string | null): Promise<void> {
    if (role === 'focal_point' && !agency) throw new InvalidUserAgency('a focal point needs the agency it speaks for');
    if (role !== 'focal_point' && agency) throw new InvalidUserAgency(`only focal points have an agency, not a ${role}`);
    if (agency && (await this.referenceData.unknownAgencies([agency])).length > 0) {
      throw new DomainError('UNKNOWN_AGENCY', 'unprocessable', `Unknown agency: ${agency}.`, { agencies: [agency] }, [
        { field: 'agency', message: `unknown agency ${agency}` },
      ]);
    }
  }
}
