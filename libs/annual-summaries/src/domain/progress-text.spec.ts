import { EXCERPT_MAX_CHARS, documentReference, excerpt, splitSource } from './progress-text.js';

describe('Progress texts in the summary', () => {
  it("separates the catalogue's source note and cites its document, never its line references", () => {
    expect(splitSource('UNODC published its report. [Source: ESA/P/WP.237, 000 l. 154]')).toEqual({
      text: 'UNODC published its report.',
      source: 'ESA/P/WP.237, 000 l. 154',
      document: { title: null, symbol: 'ESA/P/WP.237', page: null },
    });
    expect(splitSource('  No note here. ')).toEqual({ text: 'No note here.', source: null, document: null });
  });

  it('reads a symbol or a title, and a page when the note gives one', () => {
    expect(documentReference('Report of the 13th Coordination Meeting (2015), 001 l. 104-108')).toEqual({
      title: 'Report of the 13th Coordination Meeting (2015)',
      symbol: null,
      page: null,
    });
    expect(documentReference('UN/POP/MIG-12CM/2014/15, p. 3')).toEqual({ title: null, symbol: 'UN/POP/MIG-12CM/2014/15', page: '3' });
    expect(documentReference('A/68/190, pp. 12-14')).toEqual({ title: null, symbol: 'A/68/190', page: '12–14' });
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
