import { count, enumerate, figures, innerQuotation, longDate, longInstant, perCent, together } from './editorial-form.js';

describe('United Nations editorial form', () => {
  it('writes dates with the day without a leading zero, the month in words and no comma', () => {
    expect(longDate('2014-12-31')).toBe('31 December 2014');
    expect(longDate('2014-02-04')).toBe('4 February 2014');
    expect(longDate('2015-03-01T00:00:00.000Z')).toBe('1 March 2015');
    expect(longInstant('2015-03-01T09:05:00.000Z')).toBe('1 March 2015, 09:05 UTC');
    expect(() => longDate('yesterday')).toThrow(/Not an ISO date/);
  });

  it('writes numbers under 10 in words and from 10 in figures, with commas for thousands', () => {
    expect([0, 1, 9, 10, 229, 1000, 100000].map(count)).toEqual(['zero', 'one', 'nine', '10', '229', '1,000', '100,000']);
    expect(figures(1234567)).toBe('1,234,567');
  });

  it('writes numbers that occur together all in figures when one is 10 or more, else all in words', () => {
    expect(together([14, 9])).toEqual(['14', '9']);
    expect(together([3, 1, 2])).toEqual(['three', 'one', 'two']);
  });

  it('writes percentages in figures with "per cent"', () => {
    expect(perCent(42.857)).toBe('42.9 per cent');
    expect(perCent(5)).toBe('5.0 per cent');
  });

  it('joins a list with commas and a final "and"', () => {
    expect(enumerate(['ILO'])).toBe('ILO');
    expect(enumerate(['ILO', 'IOM', 'WHO'])).toBe('ILO, IOM and WHO');
  });

  it('turns the quotation marks of quoted text into single directional ones, and apostrophes into directional ones', () => {
    expect(innerQuotation('the costs, or "brain waste", of the Secretary-General\'s plan')).toBe(
      'the costs, or \u2018brain waste\u2019, of the Secretary-General\u2019s plan',
    );
    expect(innerQuotation('\u201Cquoted\u201D (\"also\")')).toBe('\u2018quoted\u2019 (\u2018also\u2019)');
  });
});
