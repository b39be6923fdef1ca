import { Test } from '@nestjs/testing';
import { Clock } from '@hld/kernel';
import { ConfigModule } from './config.module.js';
import { Environment, loadEnvironment } from './environment.js';

describe('ConfigModule', () => {
  it('provides the environment the process loaded, not one of its own (without JWT_SECRET: one random secret)', async () => {
    const env = loadEnvironment({});
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(env)] }).compile();
    expect(moduleRef.get(Environment)).toBe(env);
    expect(moduleRef.get(Environment).JWT_SECRET).toBe(env.JWT_SECRET);
    expect(moduleRef.get(Clock).now()).toBeInstanceOf(Date);
    await moduleRef.close();
  });
});
