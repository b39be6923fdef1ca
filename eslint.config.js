// The rules that catch real bugs in this codebase's async, event-driven code; formatting is not linted.
import tseslint from 'typescript-eslint';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test/global-setup.js',
      '*.config.js',
      '.dependency-cruiser.cjs',
      'apps/web/vite.config.ts',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  {
    files: ['apps/**/*.ts', 'apps/web/src/**/*.tsx', 'libs/**/*.ts', 'db/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // a promise nobody awaits loses its error, and maybe a write
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // a new status, kind or error code must be handled wherever they are switched on
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // request classes say "may be left out", "not blank" and "a date" the one way the API means them
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**', 'libs/catalogue/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'IsNotEmpty', 'IsISO8601', 'IsDateString', 'IsDate'],
              message:
                "Use @hld/http: Omittable (+ Nullable), since IsOptional lets null through; IsNotBlank; IsCalendarDate or IsInstant, the API's one reading of dates.",
            },
          ],
        },
      ],
    },
  },
  {
    // the web app: the same async rules, React's rules of hooks, and no text for people outside the catalogues
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { formatjs, 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // a literal string as JSX text or in a prop a person reads is an untranslated string: put it in the catalogues
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{label,description,error,placeholder,title,alt,aria-label}']] } },
      ],
    },
  },
);
