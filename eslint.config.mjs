// Lint with zero warnings; Nx module boundaries keep apps thin and domain libs framework-free.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['dist/**', 'node_modules/**', 'tmp/**', '.nx/**', '.angular/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:domain', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:domain', bannedExternalImports: ['@nestjs/*', 'typeorm', '@angular/*', 'bullmq', 'ioredis', 'pg', 'express'] },
            { sourceTag: 'type:contracts', bannedExternalImports: ['@nestjs/*', 'typeorm', '@angular/*', 'class-validator', 'class-transformer'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.e2e.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Approvals know their subjects only through the ApprovalSubjects registry; the subjects depend on them.
    files: ['libs/server/approvals/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@luoshi/server/tasks', '@luoshi/server/reports', '@luoshi/server/requests'], message: 'approvals must not depend on its subjects (register an ApprovalSubjectHandler instead)' }] }],
    },
  },
];
