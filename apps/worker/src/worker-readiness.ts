import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '@hld/config';
import { RedisConnection } from '@hld/persistence';

/** Says, once both stores answer, that the worker is ready to take jobs. */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerReadiness.name);

  constructor(
    private readonly redis: RedisConnection,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.ping();
    await this.dataSource.query('SELECT 1');
    this.logger.log(`Worker ready: Redis ${new URL(this.env.REDIS_URL).host}, queue prefix "${this.env.QUEUE_PREFIX}"`);
  }
}
