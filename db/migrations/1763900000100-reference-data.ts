import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies and the eight agenda items: reference data every commitment points at. */
export class ReferenceData1763900000100 implements MigrationInterface {
  name = 'ReferenceData1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        code                text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,19}$'),
        name                text    NOT NULL,
        kind                text    NOT NULL,
        un                  boolean NOT NULL,
        gmg                 boolean NOT NULL,
        contributed_to_book boolean NOT NULL DEFAULT false,
        source              text
      )`);
    await q.query(`
      CREATE TABLE agenda_items (
        number      smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 8),
        title       text NOT NULL,
        description text NOT NULL DEFAULT '',
        source      text NOT NULL
      )`);

    // The eight-point agenda for action of the Secretary-General (A/68/190). The sources describe but do not
    // list the points; the titles are those of A/68/190 (see docs and db/catalogue for the source support).
    const agenda: Array<[number, string]> = [
      [1, 'Protect the human rights of all migrants'],
      [2, 'Reduce the costs of labour migration'],
      [3, 'Eliminate migrant exploitation, including human trafficking'],
      [4, 'Address the plight of stranded migrants'],
      [5, 'Improve public perceptions of migrants'],
      [6, 'Integrate migration into the development agenda'],
      [7, 'Strengthen the migration evidence base'],
      [8, 'Enhance migration partnerships and cooperation'],
    ];
    for (const [number, title] of agenda) {
      await q.query(`INSERT INTO agenda_items (number, title, source) VALUES ($1, $2, 'A/68/190')`, [number, title]);
    }

    // The 28 entities that contributed to "International Migration and Development: Contributions and
    // Recommendations of the International System" (UNFPA/IOM, 2013), and the SRSG. The catalogue load adds
    // the other organizations that reported follow-up at the coordination meetings.
    const agencies: Array<[string, string, string, boolean, boolean]> = [
      ['FAO', 'Food and Agriculture Organization of the United Nations', 'un-entity', true, false],
      ['ICAO', 'International Civil Aviation Organization', 'un-entity', true, false],
      ['IFAD', 'International Fund for Agricultural Development', 'un-entity', true, false],
      ['ILO', 'International Labour Organization', 'un-entity', true, true],
      ['IMO', 'International Maritime Organization', 'un-entity', true, false],
      ['IOM', 'International Organization for Migration', 'related-organization', false, true],
      ['NGOCM', 'NGO Committee on Migration', 'ngo', false, false],
      ['OHCHR', 'Office of the United Nations High Commissioner for Human Rights', 'un-entity', true, true],
      ['REGCOMS', 'United Nations regional commissions (ECA, ECE, ECLAC, ESCAP, ESCWA)', 'regional-commissions', true, true],
      ['SRHRM', 'Special Rapporteur on the human rights of migrants', 'special-procedure', true, false],
      ['UNWOMEN', 'United Nations Entity for Gender Equality and the Empowerment of Women', 'un-entity', true, true],
      ['UNHABITAT', 'United Nations Human Settlements Programme', 'un-entity', true, false],
      ['UNAIDS', 'Joint United Nations Programme on HIV/AIDS', 'un-entity', true, false],
      ['UNCTAD', 'United Nations Conference on Trade and Development', 'un-entity', true, true],
      ['UNDESA', 'United Nations Department of Economic and Social Affairs (Population Division)', 'un-entity', true, true],
      ['UNDP', 'United Nations Development Programme', 'un-entity', true, true],
      ['UNEP', 'United Nations Environment Programme', 'un-entity', true, false],
      ['UNESCO', 'United Nations Educational, Scientific and Cultural Organization', 'un-entity', true, true],
      ['UNFPA', 'United Nations Population Fund', 'un-entity', true, true],
      ['UNHCR', 'Office of the United Nations High Commissioner for Refugees', 'un-entity', true, true],
      ['UNICEF', "United Nations Children's Fund", 'un-entity', true, true],
      ['UNITAR', 'United Nations Institute for Training and Research', 'un-entity', true, true],
      ['UNODC', 'United Nations Office on Drugs and Crime', 'un-entity', true, true],
      ['UPU', 'Universal Postal Union', 'un-entity', true, false],
      ['WHO', 'World Health Organization', 'un-entity', true, true],
      ['WIPO', 'World Intellectual Property Organization', 'un-entity', true, false],
      ['WMO', 'World Meteorological Organization', 'un-entity', true, false],
      ['WB', 'World Bank', 'un-entity', true, true],
    ];
    for (const [code, name, kind, un, gmg] of agencies) {
      await q.query(`INSERT INTO agencies (code, name, kind, un, gmg, contributed_to_book, source) VALUES ($1, $2, $3, $4, $5, true, $6)`, [
        code,
        name,
        kind,
        un,
        gmg,
        'International Migration and Development: Contributions and Recommendations of the International System (2013)',
      ]);
    }
    await q.query(
      `INSERT INTO agencies (code, name, kind, un, gmg, contributed_to_book, source) VALUES ($1, $2, $3, true, false, false, $4)`,
      ['SRSG', 'Special Representative of the Secretary-General for International Migration', 'un-entity', 'ESA/P/WP.237'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agenda_items');
    await q.query('DROP TABLE agencies');
  }
}
