import { rm, writeFile } from 'node:fs/promises';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '@hld/config';
import { RedisConnection } from '@hld/persistence';

/** How often the health file is rewritten; a check that finds it older than three beats calls the worker unhealthy. */
const HEARTBEAT_MS = 10_000;

/**
 * Says, once both stores answer, that the worker is ready to take jobs. With WORKER_HEALTH_FILE it goes on saying
 * so: every beat it asks both stores again and rewrites the file, so the file ages when the worker hangs or loses
 * a store, and it is removed when the worker stops.
 */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerReadiness.name);
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisConnection,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.storesAnswer();
    if (this.env.WORKER_HEALTH_FILE) {
      await this.writeHealthFile();
      this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
    }
    this.logger.log(`Worker ready: Redis ${new URL(this.env.REDIS_URL).host}, queue prefix "${this.env.QUEUE_PREFIX}"`);
  }

  // as soon as the worker starts stopping: it takes no new work from then on
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.env.WORKER_HEALTH_FILE) await rm(this.env.WORKER_HEALTH_FILE, { force: true });
  }

  private async storesAnswer(): Promise<void> {
    await this.redis.ping();
    await this.dataSource.query('SELECT 1');
  }

  private writeHealthFile(): Promise<void> {
    return writeFile(this.env.WORKER_HEALTH_FILE, `${new Date().toISOString()}\n`);
  }

  private async beat(): Promise<void> {
    try {
      await this.storesAnswer();
      await this.writeHealthFile();
    } catch (error) {
      this.logger.warn(`Not healthy: ${(error as Error).message}`);
    }
  }
}
