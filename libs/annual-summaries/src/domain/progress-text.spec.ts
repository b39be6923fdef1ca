import { EXCERPT_MAX_CHARS, excerpt, splitSource } from './progress-text.js';

describe('Progress texts in the summary', () => {
  it('separates the catalogue\'s source note and cites its document symbol', () => {
    expect(splitSource('UNODC published its report. [Source: ESA/P/WP.237, 000 l. 154]')).toEqual({
      text: 'UNODC published its report.',
      source: 'ESA/P/WP.237, 000 l. 154',
      document: 'ESA/P/WP.237',
    });
    expect(splitSource('  No note here. ')).toEqual({ text: 'No note here.', source: null, document: null });
  });

  it('keeps a short text whole', () => {
    expect(excerpt('IOM launched a campaign.')).toEqual({ excerpt: 'IOM launched a campaign.', whole: true });
  });

  it('cuts a long text after a sentence, never after an abbreviation, and shows a prefix of it', () => {
    const text =
      'UN Women highlighted four recent initiatives that had improved access to decent work and social protection for migrants, ' +
      'including the adoption of the ILO Domestic Workers Convention (No. 189) and its entry into force in many countries of ' +
      'destination. It also reported on the work of its regional offices with recruitment agencies, employers and trade unions, ' +
      'and on guidance for consular staff, among many other things that go well beyond the excerpt.';
    const { excerpt: cut, whole } = excerpt(text);
    expect(whole).toBe(false);
    expect(cut).toMatch(/countries of destination\. …$/);
    expect(text.startsWith(cut.slice(0, -2))).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS + 2);
  });

  it('cuts at a word boundary when no sentence ends early enough', () => {
    const text = `${'word '.repeat(100)}end`;
    const { excerpt: cut } = excerpt(text);
    expect(cut).toMatch(/word …$/);
    expect(text.startsWith(cut.slice(0, -2))).toBe(true);
  });
});
