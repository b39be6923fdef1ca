import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyRecord, AgendaItemRecord } from './agency.record.js';
import { ReferenceData } from './reference-data.js';
import { ReferenceDataController } from './reference-data.controller.js';

/** Agencies and the eight agenda items: the reference data commitments point at. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyRecord, AgendaItemRecord])],
  controllers: [ReferenceDataController],
  providers: [ReferenceData],
  exports: [ReferenceData],
})
export class AgenciesModule {}
