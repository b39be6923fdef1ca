import { EXCERPT_MAX_CHARS, documentReference, excerpt, splitSource } from './progress-text.js';

describe('Progress texts in the summary', () => {
  it("separates the catalogue's source note and cites its document", () => {
    expect(
      splitSource('UNODC published its report. [Source: Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. IV]'),
    ).toEqual({
      text: 'UNODC published its report.',
      source: 'Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. IV',
      document: {
        title: 'Twelfth Coordination Meeting on International Migration',
        symbol: 'ESA/P/WP.237',
        locator: 'sect. IV',
        page: null,
      },
    });
    expect(splitSource('  No note here. ')).toEqual({ text: 'No note here.', source: null, document: null });
  });

  it('reads the title, the symbol, the place and the pages of the citations the catalogue writes', () => {
    expect(
      documentReference('Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015), pp. 10–11'),
    ).toEqual({
      title: 'Thirteenth Coordination Meeting on International Migration (United Nations Population Division, 2015)',
      symbol: null,
      locator: null,
      page: '10–11',
    });
    expect(
      documentReference(
        'International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013), ' +
          'chapter \u201CUN Women, and others\u201D, p. 198',
      ),
    ).toEqual({
      title: 'International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013)',
      symbol: null,
      locator: 'chapter \u201CUN Women, and others\u201D',
      page: '198',
    });
    // the first of several citations is where the report comes from
    expect(
      documentReference(
        'Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, preface, introduction and sects. I and VIII; ' +
          'Contributions to the 2013 High-level Dialogue on Migration and Development, UN/POP/MIG-12CM/2014/10',
      ),
    ).toEqual({
      title: 'Twelfth Coordination Meeting on International Migration',
      symbol: 'ESA/P/WP.237',
      locator: 'preface, introduction and sects. I and VIII',
      page: null,
    });
    expect(documentReference('Thirteenth Coordination Meeting (2015), pp. 3 and 16')).toMatchObject({ page: '3 and 16' });
    expect(documentReference('UN/POP/MIG-12CM/2014/15, p. 3')).toEqual({
      title: null,
      symbol: 'UN/POP/MIG-12CM/2014/15',
      locator: null,
      page: '3',
    });
    expect(documentReference('A/68/190, pp. 12-14')).toEqual({ title: null, symbol: 'A/68/190', locator: null, page: '12–14' });
  });

  it('never cites the line references that notes written before the catalogue cited documents carry', () => {
    expect(documentReference('ESA/P/WP.237, 000 l. 53, 92, 98, 224; background document listed at 003 l. 27-28')).toEqual({
      title: null,
      symbol: 'ESA/P/WP.237',
      locator: null,
      page: null,
    });
    expect(documentReference('Report of the 13th Coordination Meeting (2015), 001 l. 104-108')).toEqual({
      title: 'Report of the 13th Coordination Meeting (2015)',
      symbol: null,
      locator: null,
      page: null,
    });
  });

  it('keeps a short text whole', () => {
    expect(excerpt('IOM launched a campaign.')).toEqual({ excerpt: 'IOM launched a campaign.', whole: true });
  });

  it('ends a long text at the last end of a sentence within the budget, never after an abbreviation, without an ellipsis', () => {
    const text =
      'UN Women highlighted four recent initiatives that had improved access to decent work and social protection for migrants, ' +
      'including the adoption of the ILO Domestic Workers Convention (No. 189) and its entry into force in many countries of ' +
      'destination. It also reported on the work of its regional offices with recruitment agencies, employers and trade unions, ' +
      'and on guidance for consular staff, among many other things that go well beyond the excerpt.';
    const { excerpt: cut, whole } = excerpt(text);
    expect(whole).toBe(false);
    expect(cut).toMatch(/countries of destination\.$/);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
  });

  it('takes the last of several sentences that fit, however early the first one ends', () => {
    const text = `It met. It published a report on recruitment (see e.g. annex 2). ${'Then it went on and on '.repeat(20)}to the end.`;
    expect(excerpt(text).excerpt).toBe('It met. It published a report on recruitment (see e.g. annex 2).');
    const quoted = `IOM said: "Work continues." ${'More words follow here '.repeat(20)}.`;
    expect(excerpt(quoted).excerpt).toBe('IOM said: "Work continues."');
  });

  it('cuts a sentence longer than the budget at a word boundary and marks the omission with an ellipsis', () => {
    const text = `${'word '.repeat(100)}end`;
    const { excerpt: cut } = excerpt(text);
    expect(cut).toMatch(/word …$/);
    expect(text.startsWith(cut.slice(0, -2))).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    // never after a comma
    expect(excerpt(`${'a'.repeat(300)}, ${'d'.repeat(30)}`).excerpt).toBe(`${'a'.repeat(300)} …`);
  });
});
