export { AgenciesModule } from './agencies.module.js';
export { ReferenceData } from './reference-data.js';
export type { Agency, AgendaItem } from './reference-data.js';
