import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Nx tags. scope:shared = framework-free code for everyone; scope:api = server side only (the API, the
// embedded-service launchers, the demo data set, the benchmarks); scope:web = the browser client.
// type:app = a deployable; type:lib = imported code; type:tool = run by developers, never imported.
function moduleBoundaries(allow = []) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
    ],
    // The shared library stays framework-free (CONVENTIONS: no Nest, TypeORM, React).
    banTransitiveDependencies: true,
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'apps/web/src/graphql/generated/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries()],
    },
  },
  {
    // The benchmarks drive the API's own services and entities: tools/bench alone may import the app's
    // source, through the `@yokoten/api/*` alias (everywhere else that is "Imports of apps are forbidden").
    files: ['tools/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(['@yokoten/api/**'])] },
  },
  {
    files: ['libs/case-studies/**/*.ts', 'libs/demo-data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'react', 'react-dom', '@apollo/*', 'class-validator', 'meilisearch', 'pg'] },
      ],
    },
  },
  {
    // Infrastructure of the API names no feature: modules register their own entities, loaders and
    // resolvers (apps/api/src/README.md). Specs may exercise a feature's DTOs through a pipe or transform.
    files: ['apps/api/src/{graphql,database,common,config,search,backup}/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              message: 'Infrastructure does not import features: let the module register it (apps/api/src/README.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Field resolvers take graphql-js's (parent, args, context, info) without parameter decorators, so Nest
    // binds them directly instead of wrapping every call (apps/api/src/README.md); only a field with
    // @Args() keeps them, for the validation pipe.
    files: ['apps/api/src/modules/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MethodDefinition:has(Decorator > CallExpression > Identifier[name='ResolveField']):not(:has(Decorator > CallExpression > Identifier[name='Args'])) Decorator > CallExpression > Identifier[name=/^(Parent|Context|Info)$/]",
          message:
            'A field resolver without @Args() takes (parent, _args, ctx, info) undecorated: Nest then calls it directly (apps/api/src/README.md).',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
