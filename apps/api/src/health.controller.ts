import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { RedisConnection } from '@hld/persistence';
import { Public } from '@hld/identity';

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after 2 s')), 2000);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness and readiness in one: 200 when PostgreSQL and Redis both answer, 503 otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnection,
  ) {}

  @Get()
  @Public()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.redis.ping())]);
    const up = postgres.status === 'up' && redis.status === 'up';
    if (!up) void reply.status(503).header('Retry-After', '5');
    return { status: up ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
