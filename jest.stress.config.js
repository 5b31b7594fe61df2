// `npm run test:stress`: the long tests (fuzzing every route, concurrency, crashes, a soak), on
// the same set-up as `npm test`. Kept out of `npm test` so the everyday run stays fast.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testRegex: '\\.stress-spec\\.ts$',
  testTimeout: 300000,
  maxWorkers: 1,
};
