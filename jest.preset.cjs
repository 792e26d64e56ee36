// Shared jest settings: @swc/jest with decorator metadata keeps the suites fast.
const path = require('node:path');
const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcConfig] },
  moduleNameMapper: {
    '^@yokoten/case-studies$': path.join(__dirname, 'libs/case-studies/src/index.ts'),
    '^@yokoten/embedded-runtime$': path.join(__dirname, 'libs/embedded-runtime/src/index.ts'),
    '^@yokoten/demo-data$': path.join(__dirname, 'libs/demo-data/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
