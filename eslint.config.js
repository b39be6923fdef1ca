// The rules that catch real bugs in this codebase's async, event-driven code; formatting is not linted.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/global-setup.js', '*.config.js', '.dependency-cruiser.cjs'] },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'db/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
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
                'Use @hld/http: Omittable (+ Nullable), since IsOptional lets null through; IsNotBlank; IsCalendarDate or IsInstant, the API\'s one reading of dates.',
            },
          ],
        },
      ],
    },
  },
);
