/** Integration tests on real PostgreSQL; see tests/setup/globalSetup.ts. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

export default {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    // the route modules import Payload's admin CSS by package path
    '^@payloadcms/next/css$': '<rootDir>/tests/setup/styleStub.cjs',
    '\\.(css|scss)$': '<rootDir>/tests/setup/styleStub.cjs',
  },
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 120_000,
  transform: { '^.+\\.(t|j)sx?$': swc },
}
