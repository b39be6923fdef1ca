import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '@hld/config';
import { DatabaseNotifications } from './database-notifications.js';
import { EventStore } from './event-store.js';
import { EventSubscriptions } from './event-subscription.js';
import { RedisConnection } from './redis-connection.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * The PostgreSQL connection (TypeORM, migrations only, never synchronize), its notifications, the event store and
 * its subscriptions, and Redis.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        type: 'postgres' as const,
        url: env.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        // keep retrying briefly at boot, then fail: the preflight check has already said what is wrong
        retryAttempts: 3,
        retryDelay: 1000,
        extra: { max: 20, connectionTimeoutMillis: 5000 },
      }),
    }),
  ],
  providers: [UnitOfWork, EventStore, EventSubscriptions, RedisConnection, DatabaseNotifications],
  exports: [UnitOfWork, EventStore, EventSubscriptions, RedisConnection, DatabaseNotifications],
})
export class PersistenceModule {}
