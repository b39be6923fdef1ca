import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@hld/kernel';
import { Environment, loadEnvironment } from './environment.js';

/** Provides the validated Environment and the Clock to every module. */
@Global()
@Module({
  providers: [
    { provide: Environment, useFactory: () => loadEnvironment() },
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [Environment, Clock],
})
export class ConfigModule {}
