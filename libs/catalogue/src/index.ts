export { CatalogueModule } from './catalogue.module.js';
export { LoadCatalogue, CatalogueInvalid } from './load-catalogue.js';
export type { CatalogueLoadResult } from './load-catalogue.js';
export { readCatalogue } from './catalogue-files.js';
export { checkCatalogue, formatProblem } from './check-catalogue.js';
export type { CatalogueProblem, CatalogueCheck } from './check-catalogue.js';
