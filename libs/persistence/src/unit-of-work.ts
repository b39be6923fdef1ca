import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

interface Ambient {
  manager: EntityManager;
  afterCommit: Array<() => void>;
}

const ambient = new AsyncLocalStorage<Ambient>();

/**
 * The database transaction a piece of work runs in. A command normally gets a transaction of its own;
 * a caller that needs several commands to succeed or fail together (the catalogue load) opens one
 * around them, and every command inside joins it. Reads inside see the work's own uncommitted writes.
 */
@Injectable()
export class UnitOfWork {
  /** Numbers the savepoints of `step`, so nested steps never share a name. */
  private savepoints = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager of the transaction in progress, or the pool's when there is none. */
  get manager(): EntityManager {
    return ambient.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Whether the caller runs inside a transaction (its own statements then wait for its commit to be seen). */
  get inTransaction(): boolean {
    return ambient.getStore() !== undefined;
  }

  /** Runs `work` in the transaction in progress, or in a new one that commits when `work` resolves. */
  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const current = ambient.getStore();
    if (current) return work(current.manager);
    const afterCommit: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) => ambient.run({ manager, afterCommit }, () => work(manager)));
    for (const callback of afterCommit) callback();
    return result;
  }

  /**
   * Runs `work` so that a failure undoes only its own writes and leaves the transaction in progress usable (a
   * failed statement otherwise aborts the whole transaction): behind a savepoint inside one, as is outside one,
   * where each statement is its own transaction. For a step that may fail and be tried again; callbacks it
   * registered with afterCommit are dropped with it.
   */
  async step<T>(work: () => Promise<T>): Promise<T> {
    const current = ambient.getStore();
    if (!current) return work();
    const savepoint = `hld_step_${++this.savepoints}`;
    const registered = current.afterCommit.length;
    await current.manager.query(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work();
      await current.manager.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await current.manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      current.afterCommit.length = registered;
      throw error;
    }
  }

  /**
   * Runs `sql` as a named prepared statement, in the transaction in progress if there is one: PostgreSQL parses
   * and plans it once per connection instead of on every call, and only the parameters travel after that. For
   * the few statements that run on every command; the name is derived from the text (hashed on every call:
   * a freshly composed text costs as much to look up as to hash, see docs/architecture.md), so a statement that is built
   * differently is prepared anew.
   */
  async queryPrepared<T>(sql: string, params: unknown[]): Promise<T[]> {
    const config = { name: `hld_${createHash('sha1').update(sql).digest('base64url')}`, text: sql, values: params };
    const runner = ambient.getStore()?.manager.queryRunner;
    if (runner) {
      // the transaction's own connection (the pg client under TypeORM's query runner)
      const client = (await runner.connect()) as PoolClient;
      return (await client.query(config)).rows as T[];
    }
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query(config)).rows as T[];
  }

  /** Runs `callback` once the outermost transaction has committed (at once if there is none). */
  afterCommit(callback: () => void): void {
    const current = ambient.getStore();
    if (current) current.afterCommit.push(callback);
    else callback();
  }
}
