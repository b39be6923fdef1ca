import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { CompiledSummary } from '../domain/summary-document.js';
import { MemorySink } from './byte-sink.js';
import { writeJson } from './json-writer.js';

describe('The JSON writer', () => {
  const statements = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ code: `C-${i}`, text: `“quoted” \\ ${'é'.repeat(i % 7)} 😀`, gone: undefined }));
  const body = {
    title: 'A summary',
    // few sections, each holding many statements: large only one level down
    agendaItems: Array.from({ length: 9 }, (_, n) => ({
      number: n + 1,
      progress: [{ agency: 'ILO', statements: statements(200) }],
      none: null,
    })),
    small: [1, 2, { three: [3] }],
  };

  it('writes exactly JSON.stringify of the document, with a checksum over everything before it', async () => {
    const annex = { commitments: () => statements(50), progressReports: () => statements(40) };
    const sink = new MemorySink();
    const checksum = await writeJson({ body, annex } as unknown as CompiledSummary, sink);
    const expected = { ...body, annex: { commitments: statements(50), progressReports: statements(40) } };
    const withoutChecksum = JSON.stringify(expected);
    expect(sink.bytes().toString('utf8')).toBe(JSON.stringify({ ...expected, checksum }));
    expect(checksum).toBe(`sha256:${createHash('sha256').update(withoutChecksum).digest('hex')}`);
  });

  it('writes the long lists a piece at a time, never the nine sections as one string', async () => {
    const pieces: number[] = [];
    const sink = { write: async (chunk: Uint8Array) => void pieces.push(chunk.byteLength) };
    const many = { agendaItems: Array.from({ length: 9 }, () => ({ progress: [{ agency: 'ILO', statements: statements(4_000) }] })) };
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      await writeJson({ body: many, annex: { commitments: () => [], progressReports: () => [] } } as unknown as CompiledSummary, sink);
      const longest = Math.max(...stringify.mock.results.map((r) => (typeof r.value === 'string' ? r.value.length : 0)));
      expect(longest).toBeLessThan(1_000); // a statement at a time
    } finally {
      stringify.mockRestore();
    }
    expect(pieces.length).toBeGreaterThan(5);
  });
});
