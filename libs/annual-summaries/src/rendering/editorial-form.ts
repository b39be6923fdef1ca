/**
 * United Nations editorial form for the summary's running text (United Nations Editorial Manual, "Numbers,
 * dates and time"):
 * - dates as "31 December 2014": day without a leading zero, the month in words, no comma;
 * - numbers under 10 in words, 10 and above in figures, with a comma for thousands ("12,500");
 * - numbers that occur together, referring to the same thing, all in figures when one of them is 10 or more
 *   ("14, previously 9"), all in words otherwise;
 * - a number never begins a sentence in figures: sentences are written so that they do not start with one;
 * - percentages always in figures, with "per cent" written out.
 * Tables, annexes and footnote numbers keep figures.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "2014-02-14" (or an ISO instant, read in UTC) as "14 February 2014". */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** An instant as "1 March 2015, 00:00 UTC". */
export function longInstant(iso: string): string {
  return `${longDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

/** A number in figures, thousands separated by commas: 229, 12,500. */
export const figures = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number standing alone in running text: words under 10, figures from 10. */
export const count = (n: number): string => (Number.isInteger(n) && n >= 0 && n < 10 ? WORDS[n] : figures(n));

/**
 * Numbers that occur together and refer to the same kind of thing: all in figures when one of them is 10 or
 * more, all in words otherwise.
 */
export function together(numbers: readonly number[]): string[] {
  const inFigures = numbers.some((n) => !Number.isInteger(n) || n < 0 || n >= 10);
  return numbers.map((n) => (inFigures ? figures(n) : WORDS[n]));
}

/** "42.9 per cent". */
export const perCent = (value: number, decimals = 1): string => `${value.toFixed(decimals)} per cent`;

/** The first letter in capitals: for a sentence that begins with a number in words. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a, b and c". */
export function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Text quoted inside double quotation marks: its own quotation marks become single ones, and every mark and
 * apostrophe directional ("curly"), as the Editorial Manual asks. The words are unchanged.
 */
export function innerQuotation(text: string): string {
  return text
    .replace(/(^|[\s([{\u2014\u2013-])["\u201C]/g, '$1\u2018')
    .replace(/["\u201D]/g, '\u2019')
    .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, '$1\u2019');
}

/** "commitment" or "commitments", for a count. */
export const noun = (n: number, one: string, many: string): string => (n === 1 ? one : many);
