import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AgenciesModule } from '@hld/agencies';
import { CommitmentsModule } from '@hld/commitments';
import { LoadCatalogueHandler } from './load-catalogue.js';

/** Loads the HLD catalogue (db/catalogue) through the commitments' own commands. */
@Module({
  imports: [CqrsModule, AgenciesModule, CommitmentsModule],
  providers: [LoadCatalogueHandler],
})
export class CatalogueModule {}
