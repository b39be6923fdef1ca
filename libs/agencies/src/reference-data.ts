import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UnitOfWork } from '@hld/persistence';
import { AgencyRecord, AgendaItemRecord } from './agency.record.js';

export interface Agency {
  code: string;
  name: string;
  kind: string;
  un: boolean;
  gmg: boolean;
  contributedToBook: boolean;
  source: string | null;
}

export interface AgendaItem {
  number: number;
  title: string;
  description: string;
  source: string;
}

/** Reads the reference data other contexts check their input against. */
@Injectable()
export class ReferenceData {
  constructor(
    @InjectRepository(AgencyRecord) private readonly agencies: Repository<AgencyRecord>,
    @InjectRepository(AgendaItemRecord) private readonly agendaItems: Repository<AgendaItemRecord>,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  listAgencies(): Promise<Agency[]> {
    return this.agencies.find({ order: { code: 'ASC' } });
  }

  listAgendaItems(): Promise<AgendaItem[]> {
    return this.agendaItems.find({ order: { number: 'ASC' } });
  }

  /** Adds the agency, or brings what is known of it up to date (the catalogue load, inside its transaction). */
  async saveAgency(a: Agency): Promise<void> {
    await this.unitOfWork.manager.query(
      `INSERT INTO agencies (code, name, kind, un, gmg, contributed_to_book, source) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, un = EXCLUDED.un, gmg = EXCLUDED.gmg,
         contributed_to_book = EXCLUDED.contributed_to_book, source = EXCLUDED.source`,
      [a.code, a.name, a.kind, a.un, a.gmg, a.contributedToBook, a.source],
    );
  }

  /** Brings the description of one of the eight agenda items up to date (the items themselves come with the schema). */
  async describeAgendaItem(item: AgendaItem): Promise<void> {
    await this.unitOfWork.manager.query(`UPDATE agenda_items SET title = $2, description = $3, source = $4 WHERE number = $1`, [
      item.number,
      item.title,
      item.description,
      item.source,
    ]);
  }

  /** The codes among `codes` that name no agency. */
  async unknownAgencies(codes: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return [];
    // through the unit of work: agencies added earlier in the same transaction count as known
    const rows: Array<{ code: string }> = await this.unitOfWork.manager.query('SELECT code FROM agencies WHERE code = ANY($1::text[])', [
      wanted,
    ]);
    const known = new Set(rows.map((r) => r.code));
    return wanted.filter((code) => !known.has(code));
  }

  /** The numbers among `numbers` that name no agenda item. */
  async unknownAgendaItems(numbers: readonly number[]): Promise<number[]> {
    const wanted = [...new Set(numbers)];
    // a number no smallint can hold is unknown without asking (PostgreSQL would refuse the cast)
    const askable = wanted.filter((n) => Number.isInteger(n) && n > 0 && n < 32768);
    if (askable.length === 0) return wanted;
    const rows: Array<{ number: number }> = await this.unitOfWork.manager.query(
      'SELECT number FROM agenda_items WHERE number = ANY($1::smallint[])',
      [askable],
    );
    const known = new Set(rows.map((r) => Number(r.number)));
    return wanted.filter((n) => !known.has(n));
  }
}
