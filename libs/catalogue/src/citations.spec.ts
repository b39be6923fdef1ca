import { formatCitation, formatCitations, formatPages, formatSections, pageRanges, type SourceDocument } from './citations.js';

const documents = new Map<string, SourceDocument>(
  [
    {
      id: 'cm12-report',
      kind: 'working-paper',
      title: 'Twelfth Coordination Meeting on International Migration',
      symbol: 'ESA/P/WP.237',
      publisher: 'United Nations Population Division',
      year: 2014,
    },
    {
      id: 'book',
      kind: 'publication',
      title: 'International Migration and Development: Contributions and Recommendations of the International System',
      shortTitle: 'UNFPA and IOM (2013)',
      symbol: null,
      publisher: 'UNFPA and IOM',
      year: 2013,
    },
    {
      id: 'a-68-190',
      kind: 'official-document',
      title: 'Report of the Secretary-General',
      symbol: 'A/68/190',
      publisher: 'United Nations',
      year: 2013,
    },
    {
      id: 'web',
      kind: 'web-page',
      title: 'Twelfth Coordination Meeting on International Migration',
      symbol: null,
      publisher: 'United Nations Population Division',
      year: 2014,
      url: 'http://www.un.org/esa/population/meetings/twelfthcoord2014/twelfthcoord2014.htm',
    },
    { id: 'note', kind: 'background-document', title: 'Why & How', symbol: null, publisher: 'an informal working group', year: null },
  ].map((d) => [d.id, d as SourceDocument]),
);

describe('Citations in United Nations form', () => {
  it('writes pages with p. or pp., an en dash in ranges and "and" before the last', () => {
    expect(formatPages('12')).toBe('p. 12');
    expect(formatPages('12-14')).toBe('pp. 12\u201314');
    expect(formatPages('3, 16')).toBe('pp. 3 and 16');
    expect(formatPages('3-4, 9, 16')).toBe('pp. 3\u20134, 9 and 16');
    expect(pageRanges('14-12')).toBeNull();
    expect(pageRanges('p. 3')).toBeNull();
  });

  it('groups numbered sections after the named parts', () => {
    expect(formatSections(['IV'])).toBe('sect. IV');
    expect(formatSections(['I', 'VIII'])).toBe('sects. I and VIII');
    expect(formatSections(['preface', 'introduction', 'I', 'VIII'])).toBe('preface, introduction and sects. I and VIII');
  });

  it('names each kind of document as a drafter cites it', () => {
    expect(formatCitation({ document: 'cm12-report', sections: ['IV'] }, documents)).toBe(
      'Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. IV',
    );
    expect(formatCitation({ document: 'book', chapter: 'UN Women', pages: '192' }, documents)).toBe(
      'International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013), ' +
        'chapter \u201CUN Women\u201D, p. 192',
    );
    expect(formatCitation({ document: 'a-68-190' }, documents)).toBe('A/68/190');
    expect(formatCitation({ document: 'web' }, documents)).toBe(
      'Twelfth Coordination Meeting on International Migration, web page (United Nations Population Division, 2014), ' +
        'available from http://www.un.org/esa/population/meetings/twelfthcoord2014/twelfthcoord2014.htm',
    );
    expect(formatCitation({ document: 'note' }, documents)).toBe('Why & How (an informal working group)');
  });

  it('writes a short form inside a sentence, and several citations separated by semicolons', () => {
    expect(formatCitation({ document: 'book', pages: '10' }, documents, true)).toBe('UNFPA and IOM (2013), p. 10');
    expect(formatCitation({ document: 'cm12-report', sections: ['V'] }, documents, true)).toBe('ESA/P/WP.237, sect. V');
    expect(formatCitations([{ document: 'cm12-report', sections: ['II'] }, { document: 'note' }], documents)).toBe(
      'Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. II; Why & How (an informal working group)',
    );
    expect(() => formatCitation({ document: 'nowhere' }, documents)).toThrow(/Unknown document nowhere/);
  });
});
