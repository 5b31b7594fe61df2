// Browser tests (`npm run test:browser`): Debian's chromium driven by playwright-core against the
// app on a free port. Same transform and per-run database setup as `npm test`, which does not run
// them (no chromium needed there).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testRegex: '\\.browser-spec\\.ts$',
  testTimeout: 180000,
  maxWorkers: 2,
};
