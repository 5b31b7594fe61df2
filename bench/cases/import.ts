/**
 * Bulk import of the generated roster (every department's file: ~230,000 employees) and of
 * training files (at least 500,000 rows) into empty twin departments, against the floor: a bare
 * `COPY ... FROM STDIN (FORMAT csv)` of the same files into an unindexed table of text columns.
 * The generator wrote the files (BENCH_CSV_DIR), one roster and one training file per department.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { systemActor } from '../../src/common/auth/auth-user';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { applicationContext, runCase } from '../lib';
import type { Measurement } from '../lib';

const TRAINING_ROWS = Number(process.env.BENCH_TRAINING_ROWS ?? 500_000);

function rowsOf(file: string): number {
  let lines = 0;
  const content = fs.readFileSync(file);
  for (const byte of content) if (byte === 10) lines++;
  return lines - 1;
}

runCase('import', async () => {
  const csvDir = process.env.BENCH_CSV_DIR;
  if (!csvDir) throw new Error('BENCH_CSV_DIR is not set');
  const app = await applicationContext();
  const dataSource = app.get(DataSource);
  const imports = app.get(ImportsService);
  const codes = fs
    .readdirSync(csvDir)
    .filter((name) => name.endsWith('-roster.csv'))
    .map((name) => name.replace(/-roster\.csv$/, ''))
    .sort();
  const rosterFiles = codes.map((code) => path.join(csvDir, `${code}-roster.csv`));
  const trainingFiles: string[] = [];
  let trainingRows = 0;
  for (const code of codes) {
    if (trainingRows >= TRAINING_ROWS) break;
    const file = path.join(csvDir, `${code}-training.csv`);
    trainingFiles.push(file);
    trainingRows += rowsOf(file);
  }
  const rosterRows = rosterFiles.reduce((sum, file) => sum + rowsOf(file), 0);

  // The floor: the same bytes through COPY into bare text tables.
  const copyFiles = async (table: string, columns: number, files: string[]): Promise<number> => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const client = (await runner.connect()) as PoolClient;
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(
        `CREATE UNLOGGED TABLE ${table} (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`,
      );
      const started = process.hrtime.bigint();
      for (const file of files) {
        await pipeline(
          fs.createReadStream(file),
          client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT csv, HEADER true)`)),
        );
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await client.query(`DROP TABLE ${table}`);
      return Math.round(ms);
    } finally {
      await runner.release();
    }
  };
  const columnsOf = (file: string): number =>
    fs.readFileSync(file, 'utf8').split('\n', 1)[0].split(',').length;
  const rosterFloor = await copyFiles('bench_roster_copy', columnsOf(rosterFiles[0]), rosterFiles);
  const trainingFloor = await copyFiles(
    'bench_training_copy',
    columnsOf(trainingFiles[0]),
    trainingFiles,
  );

  // Ours: each file imported into an empty twin of its department, as the CLI does.
  const twins = new Map<string, string>();
  for (const code of codes) {
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO departments (code, name, version) VALUES ($1, $2, 1) RETURNING id`,
      [`IMP-${code}`, `Import twin of ${code}`],
    );
    twins.set(code, rows[0].id);
  }
  const actor = systemActor('bench-import');
  const importAll = async (kind: 'roster' | 'training', files: string[]): Promise<number> => {
    const started = process.hrtime.bigint();
    for (const file of files) {
      const code = path.basename(file).replace(/-(roster|training)\.csv$/, '');
      const outcome = await imports.run(
        {
          kind,
          departmentId: twins.get(code)!,
          dryRun: false,
          filePath: file,
          fileName: path.basename(file),
        },
        actor,
      );
      if (outcome.run.problemCount > 0) {
        throw new Error(`${path.basename(file)}: ${outcome.run.problemCount} problems`);
      }
    }
    return Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  };
  const roster = await importAll('roster', rosterFiles);
  const training = await importAll('training', trainingFiles);
  const again = await importAll('roster', rosterFiles.slice(0, 1));
  await app.close();
  return [
    {
      what: `import the roster: ${rosterRows.toLocaleString('en-US')} employees in ${rosterFiles.length} files (created, audited)`,
      ours: roster,
      floor: rosterFloor,
      unit: 'ms',
      floorIs: 'COPY of the same CSV into a bare text table',
      target: '<= 3 x floor',
    },
    {
      what: `import training: ${trainingRows.toLocaleString('en-US')} records in ${trainingFiles.length} files (created, audited)`,
      ours: training,
      floor: trainingFloor,
      unit: 'ms',
      floorIs: 'COPY of the same CSV into a bare text table',
      target: '<= 3 x floor',
    },
    {
      what: `re-import the largest roster file unchanged (${path.basename(rosterFiles[0])})`,
      ours: again,
      floor: null,
      unit: 'ms',
      floorIs: null,
      target: null,
    } satisfies Measurement,
  ];
});
