import { describeHostileInput } from './support/hostile-suite';

/**
 * Quick pass of the hostile-input suite for `npm test`: per route the deterministic hostile
 * requests (NUL characters, SQL injection, wrong types and deep nesting in the body, injected
 * filters, sort and order, invalid path ids) and one random one with a fixed seed; the
 * transport-level ones (broken JSON, wrong content type, oversize body, hostile upload) on every
 * fifth route and on the upload routes. The long randomized pass, every route with everything,
 * is test/stress/hostile-input.stress-spec.ts.
 */
describeHostileInput({
  title: 'Hostile input, quick pass (e2e)',
  numRuns: 1,
  seed: 20261126,
  transportEvery: 5,
});
