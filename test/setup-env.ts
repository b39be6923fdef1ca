import { applyTestEnvironment } from './test-environment.js';

applyTestEnvironment();
