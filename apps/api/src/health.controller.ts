import { Controller, Get, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { RedisConnection } from '@hld/persistence';
import { Endpoint } from '@hld/http';

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

class CheckResponse implements Check {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ type: 'integer' }) latencyMs: number;
  @ApiPropertyOptional({ description: 'why it is down' }) error?: string;
}

class HealthChecksResponse {
  @ApiProperty() postgres: CheckResponse;
  @ApiProperty() redis: CheckResponse;
}

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty() checks: HealthChecksResponse;
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
  @Endpoint({ summary: 'Whether the API can serve: PostgreSQL and Redis both answer', public: true, ok: HealthResponse })
  @ApiResponse({ status: 503, type: HealthResponse, description: 'PostgreSQL or Redis does not answer (see checks)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const [postgres, redis] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.redis.ping())]);
    const up = postgres.status === 'up' && redis.status === 'up';
    if (!up) void reply.status(503).header('Retry-After', '5');
    return { status: up ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
