import { inputProblems, MAX_NESTING, textProblem } from './accepted-text.js';

describe('accepted text', () => {
  it.each(['', 'plain', 'tab\there', 'lines\r\nand\nmore', 'é 中文 𝄞 😀', '\u00a0\u0085\u2028', '\ufffd'])('accepts %j', (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it.each([
    ['\u0000', /control character U\+0000 at position 0/],
    ['ab\u0007', /U\+0007 at position 2/],
    ['\u000b', /U\+000B/],
    ['\u001b[2J', /U\+001B/],
    ['\u007f', /U\+007F/],
    ['\ud800', /lone surrogate \(U\+D800\) at position 0/],
    ['a\udfff', /lone surrogate \(U\+DFFF\) at position 1/],
    ['\udc00\ud800', /lone surrogate \(U\+DC00\)/],
    ['𝄞\ud834', /lone surrogate \(U\+D834\) at position 2/],
  ])('refuses %j', (text, message) => {
    expect(textProblem(text)).toMatch(message);
  });

  it('names each problem by its path, keys included, as validation names fields', () => {
    const problems = inputProblems({ title: 'ok', indicators: [{ name: 'ok' }, { name: 'a\u0000' }], 'k\u0001': 1, list: ['x', '\ud800'] });
    expect(problems.map((p) => p.field).sort()).toEqual(['indicators.1.name', 'k\\u0001', 'list.1']);
  });

  it('bounds nesting without using the stack, naming the field it starts in', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(inputProblems({ email: deep })).toEqual([{ field: 'email', message: `is nested more than ${MAX_NESTING} levels deep` }]);
    expect(inputProblems(deep)).toEqual([{ field: '(body)', message: `is nested more than ${MAX_NESTING} levels deep` }]);
    let fine: unknown = 'leaf';
    for (let i = 0; i < MAX_NESTING - 1; i += 1) fine = { a: fine };
    expect(inputProblems(fine)).toEqual([]);
  });

  it('reports at most ten problems', () => {
    expect(inputProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(10);
  });
});
