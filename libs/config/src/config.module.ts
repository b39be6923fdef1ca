import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@hld/kernel';
import { Environment } from './environment.js';

/**
 * Provides the Environment and the Clock to every module. The Environment is the one the process loaded at
 * start-up (its main calls loadEnvironment once and passes it here): loading it again would make a second
 * instance, and without JWT_SECRET a second random secret.
 */
@Module({})
export class ConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: Environment, useValue: env },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [Environment, Clock],
    };
  }
}
