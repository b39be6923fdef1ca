import { currentCycle } from './current-cycle.js';

const cycle = (year: number, opensAt: string) => ({ year, opensAt: new Date(opensAt) });

describe('currentCycle', () => {
  const cycles = [cycle(2014, '2014-11-01T00:00:00Z'), cycle(2015, '2015-11-01T00:00:00Z'), cycle(2013, '2013-11-01T00:00:00Z')];

  it('is the latest cycle that has opened, even past its deadline', () => {
    expect(currentCycle(cycles, new Date('2015-03-01T00:00:00Z'))?.year).toBe(2014);
    expect(currentCycle(cycles, new Date('2015-11-01T00:00:00Z'))?.year).toBe(2015);
    expect(currentCycle(cycles, new Date('2030-01-01T00:00:00Z'))?.year).toBe(2015);
  });

  it('is the next to open when none has opened yet, and null without cycles', () => {
    expect(currentCycle(cycles, new Date('2013-01-01T00:00:00Z'))?.year).toBe(2013);
    expect(currentCycle([], new Date())).toBeNull();
  });
});
