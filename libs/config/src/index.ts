export { Environment, InvalidConfigurationError, loadEnvironment, logLevels } from './environment.js';
export { proxyTrust, type ProxyTrust } from './trusted-proxies.js';
export { ConfigModule } from './config.module.js';
export { checkBackingServices } from './preflight.js';
export { closeOnSignals } from './shutdown.js';
