export { JobsModule } from './jobs.module.js';
export { DrainingWorkerHost } from './draining-worker-host.js';
