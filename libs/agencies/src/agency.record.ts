import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('agencies')
export class AgencyRecord {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('boolean') un: boolean;
  @Column('boolean') gmg: boolean;
  @Column('boolean', { name: 'contributed_to_book' }) contributedToBook: boolean;
  @Column('text', { nullable: true }) source: string | null;
}

@Entity('agenda_items')
export class AgendaItemRecord {
  @PrimaryColumn('smallint') number: number;
  @Column('text') title: string;
  @Column('text') description: string;
  @Column('text') source: string;
}
