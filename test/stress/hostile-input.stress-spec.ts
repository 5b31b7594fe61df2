import { describeHostileInput } from '../support/hostile-suite';

/**
 * The randomized hostile-input pass (fast-check): per route the deterministic hostile requests,
 * then FUZZ_RUNS (default 15) random ones: arbitrary JSON, wrong types, huge and unicode strings,
 * NUL characters, SQL injection in fields, filters, sort and order, invalid and traversal path
 * parameters, broken percent-encoding, hostile If-Match, oversize bodies, wrong content types,
 * invalid JSON and hostile multipart uploads. The seed is random (FUZZ_SEED fixes it) and is
 * printed with any failure, so a failing run can be replayed.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 15);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describeHostileInput({
  title: `Hostile input, ${runs} random requests per route (stress)`,
  numRuns: runs,
  seed,
  onDone: (stats) => {
    process.stdout.write(`hostile-input figures: ${JSON.stringify(stats)}\n`);
  },
});
