import { DomainError } from '@hld/kernel';
import { versionFromIfMatch } from './if-match.js';

const refusal = (value: string): string => {
  try {
    versionFromIfMatch(value);
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'accepted';
};

describe('If-Match, compared strongly (RFC 9110 §13.1.1)', () => {
  it.each([
    ['"3"', 3],
    [' "3" ', 3],
    ['"0"', 0],
    ['W/"2", "3"', 3],
    ['"123456789"', 123456789],
  ])('%s names version %i', (value, version) => {
    expect(versionFromIfMatch(value)).toBe(version);
  });

  it('absent: no version (the handler decides whether one is required)', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
  });

  it.each(['W/"3"', 'W/"3", W/"4"', '"abc"', '""', '"-1"', '"1234567890"', '"3.0"'])('%s can never match: 412', (value) => {
    expect(refusal(value)).toBe('PRECONDITION_FAILED');
  });

  it.each(['3', '"3', '3"', '*', '', ' ', 'W/', 'W/3', '"3"x', '"3" "4"', '"3", "4"', 'w/"3"'])(
    '%j is not an entity-tag naming one version: 400',
    (value) => {
      expect(refusal(value)).toBe('VALIDATION_FAILED');
    },
  );
});
