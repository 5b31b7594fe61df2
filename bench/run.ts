/**
 * `npm run bench [-- --target server|embedded|both] [--employees 230000] [--departments 180]`
 *
 * For each database (the PostgreSQL server at BENCH_SERVER_URL, default 127.0.0.1:5432, in a
 * fresh database `um_bench`; and the embedded PostgreSQL in a temporary data dir): generates the
 * statewide data set, then runs each case in its own Node process (its peak RSS is its own) and
 * writes bench/RESULTS.md: what, our figure, the floor measured in the same run, the ratio.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../src/database/embedded-database';
import { programToday } from '../src/modules/program-calendar/program-date';
import { machine } from './lib';
import type { CaseResult, Measurement } from './lib';

const ROOT = path.resolve(__dirname, '../..');
const CASES = ['import', 'annual-report', 'statewide', 'api'] as const;
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface TargetResult {
  target: string;
  postgres: string;
  results: CaseResult[];
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** Runs a compiled script with DATABASE_URL; its last stdout line is its result. */
function child(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--max-old-space-size=4096', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0
        ? resolve(out.trim().split('\n').at(-1) ?? '')
        : reject(new Error(`${path.basename(script)} exited with ${code}`)),
    );
  });
}

async function serverDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS um_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE um_bench');
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = '/um_bench';
  return { url: url.toString(), stop: () => Promise.resolve() };
}

async function embeddedDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'um-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const handle = await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'data') });
  return {
    url: handle.url,
    stop: async () => {
      await handle.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const rows = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  return `PostgreSQL ${rows.rows[0].server_version}`;
}

async function runTarget(
  target: 'server' | 'embedded',
  options: { employees: string; departments: string },
): Promise<TargetResult> {
  log(`${target}: preparing the database`);
  const database = target === 'server' ? await serverDatabase() : await embeddedDatabase();
  try {
    const env = { DATABASE_URL: database.url, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    const today = programToday();
    log(
      `${target}: generating ${options.employees} employees in ${options.departments} departments`,
    );
    const started = Date.now();
    const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'um-bench-csv-'));
    await child(
      'dist/src/cli/generate.js',
      [
        '--employees',
        options.employees,
        '--departments',
        options.departments,
        '--years',
        '3',
        '--seed',
        '1',
        '--as-of',
        today,
        '--csv',
        csvDir,
      ],
      env,
    );
    const generation: CaseResult = {
      case: 'generate',
      measurements: [
        {
          what: `generate the data set (${options.employees} employees, ${options.departments} departments, 3 years, with CSV export)`,
          ours: Date.now() - started,
          floor: null,
          unit: 'ms',
          floorIs: null,
          target: null,
        },
      ],
      peakRssMb: 0,
    };
    const results: CaseResult[] = [generation];
    for (const name of CASES) {
      const script = `dist-bench/bench/cases/${name}.js`;
      if (!fs.existsSync(path.join(ROOT, script))) continue;
      log(`${target}: ${name}`);
      try {
        results.push(
          JSON.parse(await child(script, [], { ...env, BENCH_CSV_DIR: csvDir })) as CaseResult,
        );
      } catch (error) {
        log(`${target}: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        results.push({
          case: name,
          measurements: [
            {
              what: `${name}: FAILED`,
              ours: NaN,
              floor: null,
              unit: 'ms',
              floorIs: null,
              target: null,
            },
          ],
          peakRssMb: 0,
        });
      }
    }
    fs.rmSync(csvDir, { recursive: true, force: true });
    return { target, postgres: await postgresVersion(database.url), results };
  } finally {
    await database.stop();
  }
}

function ratio(m: Measurement): string {
  if (m.floor === null || !Number.isFinite(m.ours) || m.floor === 0) return '';
  const value = m.unit === 'ms' ? m.ours / m.floor : m.ours / m.floor;
  return `${value.toFixed(2)} x`;
}

function markdown(
  targets: TargetResult[],
  options: { employees: string; departments: string },
): string {
  const lines = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` on ${machine()}.`,
    `Data set: \`npm run generate -- --employees ${options.employees} --departments ${options.departments} --years 3 --seed 1\`.`,
    'Each case runs in its own Node process; "peak RSS" is that process\'s maximum resident set.',
    'Ratios: for times, ours / floor (lower is better); for throughput, ours / floor (higher is better).',
    '',
  ];
  for (const target of targets) {
    lines.push(
      `## ${target.target === 'server' ? 'PostgreSQL server' : 'Embedded PostgreSQL'} (${target.postgres})`,
      '',
    );
    lines.push(
      '| What | Ours | Floor | Ratio | Target | Peak RSS | Notes |',
      '| --- | ---: | ---: | ---: | --- | ---: | --- |',
    );
    for (const result of target.results) {
      for (const m of result.measurements) {
        const value = (n: number | null) =>
          n === null ? '' : `${n.toLocaleString('en-US')} ${m.unit}`;
        lines.push(
          `| ${m.what} | ${value(m.ours)} | ${value(m.floor)}${m.floorIs ? ` (${m.floorIs})` : ''} | ${ratio(m)} | ${m.target ?? ''} | ${result.peakRssMb ? `${result.peakRssMb} MB` : ''} | ${m.extra ?? ''} |`,
        );
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'both' },
      employees: { type: 'string', default: '230000' },
      departments: { type: 'string', default: '180' },
    },
  });
  const targets = values.target === 'both' ? (['server', 'embedded'] as const) : [values.target];
  const options = { employees: values.employees, departments: values.departments };
  const results: TargetResult[] = [];
  for (const target of targets) {
    if (target !== 'server' && target !== 'embedded') throw new Error(`unknown target ${target}`);
    results.push(await runTarget(target, options));
  }
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  fs.writeFileSync(file, markdown(results, options));
  execFileSync('npx', ['prettier', '--write', file], { cwd: ROOT, stdio: 'ignore' });
  log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
