// `npm run test:mutation`: StrykerJS over the gateway and platform core, with the mocha suites that
// exercise them. Slow (minutes per file), so not part of CI; the closing note reports its score.
// Scores below `thresholds.break` fail the run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  coverageAnalysis: 'perTest',
  mutate: (process.env.MUTATE ?? [
    'app/protocol/signature.ts',
    'app/protocol/pipeline.ts',
    'app/platform/sessions/sessions.ts',
    'app/platform/identity/loginLock.ts',
    'app/platform/wallet/money.ts',
  ].join(',')).split(','),
  mochaOptions: {
    spec: (process.env.MUTATION_SPEC ?? [
      'test/protocol/**/*.test.ts',
      'test/platform/sessions/**/*.test.ts',
      'test/platform/identity/**/*.test.ts',
      'test/platform/wallet/**/*.test.ts',
      'test/transport/cors.test.ts',
    ].join(',')).split(','),
    // Mocha's own settings for the run (timeout, tsx) live beside this file; `spec` above wins over its.
    config: 'scripts/mocharc.mutation.json',
  },
  ignorePatterns: ['data', 'dist', 'test-artifacts', '.stryker-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 30000,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
};
