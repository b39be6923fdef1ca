import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ChannelListener } from '@hld/persistence';
import type { Principal } from './principal.js';

/** The channel PostgreSQL announces identity changes on (see the identity-change-notifications migration). */
export const IDENTITY_CHANNEL = 'identity_changed';

/** What reading a credential from the database found: who it is, and until when the credential itself is good. */
export interface Authenticated {
  principal: Principal;
  userId: string;
  /** Epoch ms the session or API token expires, or Infinity when it does not. */
  validUntil: number;
}

/** Credentials (by key) recently read; a bound on the process's memory, not on correctness. */
const CAPACITY = 10_000;
/** A safety net only: an entry is dropped as soon as anything about its user changes, whatever its age. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Principals this process has recently authenticated, so a request needs no database round trip to find out
 * who sent it. An entry is trusted only while the database is heard to have said nothing about its user:
 * - every committed change to a user, a session or an API token is announced on IDENTITY_CHANNEL (by triggers)
 *   and drops that user's entries here, in every process;
 * - a change made by this process also drops them at once, after its commit, without waiting for the announcement;
 * - while the announcements cannot be heard (not yet listening, connection lost), nothing is kept, and what was
 *   kept is dropped, since announcements made meanwhile are lost;
 * - a read that was under way when an announcement (or a loss) arrived is not kept: it may predate the change.
 * Another process's change therefore takes effect here within the announcement's delivery, a few milliseconds.
 */
@Injectable()
export class KnownPrincipals implements ChannelListener {
  private readonly entries = new LRUCache<string, Authenticated>({ max: CAPACITY, ttl: MAX_AGE_MS });
  /** Bumped by anything that may make a read under way stale. */
  private generation = 0;
  private hearing = false;

  /** Who is behind the credential `key`: from memory when that is still safe, else from `read` (which may throw). */
  async authenticated(key: string, read: () => Promise<Authenticated>): Promise<Authenticated> {
    const known = this.entries.get(key);
    if (known && known.validUntil > Date.now()) return known;
    const generation = this.generation;
    const found = await read();
    if (this.hearing && generation === this.generation) this.entries.set(key, found);
    return found;
  }

  /** Drops what is kept of one user (after this process has committed a change to them). */
  forget(userId: string): void {
    this.generation += 1;
    const keys = [...this.entries.entries()].filter(([, entry]) => entry.userId === userId).map(([key]) => key);
    for (const key of keys) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  notified(userId: string): void {
    if (userId === '*') this.forgetEverything();
    else this.forget(userId);
  }

  listening(): void {
    this.forgetEverything();
    this.hearing = true;
  }

  interrupted(): void {
    this.hearing = false;
    this.forgetEverything();
  }

  private forgetEverything(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
