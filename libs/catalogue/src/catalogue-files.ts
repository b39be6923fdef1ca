import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A record and where it came from, so a problem can name the file and the record. */
export interface Located<T> {
  file: string;
  index: number;
  record: T;
}

export interface RawCatalogue {
  documents: Array<Located<Record<string, unknown>>>;
  agencies: Array<Located<Record<string, unknown>>>;
  agendaItems: Array<Located<Record<string, unknown>>>;
  commitments: Array<Located<Record<string, unknown>>>;
  progressReports: Array<Located<Record<string, unknown>>>;
  /** Files that could not be read or parsed. */
  unreadable: Array<{ file: string; message: string }>;
}

const locate = (file: string, records: unknown): Array<Located<Record<string, unknown>>> =>
  Array.isArray(records) ? records.map((record, index) => ({ file, index, record: record as Record<string, unknown> })) : [];

/** Reads every data file of the catalogue directory (db/catalogue by default). Never throws on bad data. */
export async function readCatalogue(directory: string): Promise<RawCatalogue> {
  const catalogue: RawCatalogue = { documents: [], agencies: [], agendaItems: [], commitments: [], progressReports: [], unreadable: [] };
  const read = async (path: string): Promise<unknown> => {
    const file = relative(process.cwd(), path);
    try {
      return JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      catalogue.unreadable.push({ file, message: (error as Error).message });
      return undefined;
    }
  };
  const name = (path: string) => relative(process.cwd(), path);

  catalogue.documents = locate(name(join(directory, 'documents.json')), await read(join(directory, 'documents.json')));
  catalogue.agencies = locate(name(join(directory, 'agencies.json')), await read(join(directory, 'agencies.json')));
  catalogue.agendaItems = locate(name(join(directory, 'agenda-items.json')), await read(join(directory, 'agenda-items.json')));
  catalogue.progressReports = locate(name(join(directory, 'progress-reports.json')), await read(join(directory, 'progress-reports.json')));
  const commitmentDir = join(directory, 'commitments');
  const files = (await readdir(commitmentDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) catalogue.unreadable.push({ file: name(commitmentDir), message: 'no commitment files' });
  for (const file of files) {
    const content = (await read(join(commitmentDir, file))) as { commitments?: unknown } | undefined;
    if (content && !Array.isArray(content.commitments)) {
      catalogue.unreadable.push({ file: name(join(commitmentDir, file)), message: 'has no "commitments" array' });
    }
    catalogue.commitments.push(...locate(name(join(commitmentDir, file)), content?.commitments));
  }
  return catalogue;
}
