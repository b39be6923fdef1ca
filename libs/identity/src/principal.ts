import type { Role } from '@hld/kernel';

/** The languages of the web app's interface. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

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
  /** The interface language the user chose; null until they choose (the browser's preference applies). */
  language: Language | null;
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
  language: Language | null;
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
  language: row.language,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const USER_COLUMNS = 'id, email, display_name, role, agency, active, demo, language, created_at, updated_at';
