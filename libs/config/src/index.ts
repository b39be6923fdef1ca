export { Environment, InvalidConfigurationError, loadEnvironment } from './environment.js';
export { ConfigModule } from './config.module.js';
export { checkBackingServices } from './preflight.js';
