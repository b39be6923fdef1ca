import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The web app's message catalogues: every language has every message, each is valid ICU with the same
 * arguments as the English one, and no message sits unused. (Literal text in JSX is refused by ESLint's
 * formatjs/no-literal-string-in-jsx; an unknown message id by the type-checker.)
 */
const DIR = 'apps/web/src/i18n/messages';
const SOURCE = 'apps/web/src';
const LANGUAGES = ['en', 'fr', 'es'];
const catalogue = (language: string): Record<string, string> => JSON.parse(readFileSync(join(DIR, `${language}.json`), 'utf8'));

/** Each argument of a message with its kind (plural, select, date, number, text), recursively. */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.set(element.value, 'text');
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.set(element.value, TYPE[element.type]);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.set(element.value, TYPE[element.type]);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        argumentsOf(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('web app message catalogues', () => {
  const english = catalogue('en');

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English messages', (language) => {
    const keys = Object.keys(catalogue(language));
    expect({ missing: Object.keys(english).filter((k) => !keys.includes(k)), extra: keys.filter((k) => !(k in english)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LANGUAGES)('%s: every message is ICU with the same arguments as in English, and none is empty', (language) => {
    const messages = catalogue(language);
    const problems: string[] = [];
    for (const [key, message] of Object.entries(messages)) {
      if (!message.trim()) problems.push(`${key}: empty`);
      let elements: MessageFormatElement[];
      try {
        elements = parse(message, { requiresOtherClause: true });
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (!(key in english)) continue;
      const expected = [...argumentsOf(parse(english[key])).entries()].sort();
      const actual = [...argumentsOf(elements).entries()].sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${key}: arguments ${JSON.stringify(actual)}, English has ${JSON.stringify(expected)}`);
    }
    expect(problems).toEqual([]);
  });

  it('every message is used by the app', () => {
    const code = sourceFiles(SOURCE)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // ids composed in code, such as `role.${user.role}`
    const prefixes = [...code.matchAll(/`([a-zA-Z.]+\.)\$\{/g)].map((m) => m[1]);
    const unused = Object.keys(english).filter((key) => !code.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});
