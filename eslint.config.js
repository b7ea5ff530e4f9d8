// npm run lint:code. Type-aware (projectService reads tsconfig.json), and kept to the rules that find bugs here:
// a promise nobody awaits, a promise where a callback's result is ignored, a variable nobody reads, `any` in the
// code that ships. Layout is the formatter's (biome.json); which folder may import which is dependency-cruiser's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'contracts/openapi-types.ts', 'bench/results/', '**/*.js', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-undef': 'off', // TypeScript knows the globals better
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        {
          fixStyle: 'inline-type-imports',
          disallowTypeAnnotations: false, // import('…').T in a type is a type import too
        },
      ],
    },
  },
  {
    // What ships: no `any`. Tests and the bench may use it, sparingly.
    files: ['platform/**/*.ts', 'gateway/**/*.ts', 'audit/**/*.ts', 'mou-registry/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
