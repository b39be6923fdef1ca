import type { Role } from '@hld/kernel';

/** A signed-in user as every request sees it (see KnownPrincipals for how long it is kept). */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
  /** The sign-in session behind an access token; null for an API token. */
  sessionId: string | null;
  /** The API token used; null for an access token. */
  apiTokenId: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
  active: boolean;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  agency: string | null;
  active: boolean;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Never carries the password hash: a user leaves the database through this function only. */
export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.display_name,
  role: row.role,
  agency: row.agency,
  active: row.active,
  demo: row.demo,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const USER_COLUMNS = 'id, email, display_name, role, agency, active, demo, created_at, updated_at';
