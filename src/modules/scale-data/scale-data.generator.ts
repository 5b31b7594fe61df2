/**
 * The statewide-scale data set generator (issue #8): departments, classes and designations,
 * employees with demographics and class histories, program records and training, loaded with
 * COPY into the app's own schema in one transaction, audited, and optionally written as the
 * import CSV files. Same arguments and seed, same rows (ids included).
 *
 * CSV export (`csvDir`): one roster file and one training file per department
 * (`<CODE>-roster.csv`, `<CODE>-training.csv`) in the import layout (imports/import-layout.ts),
 * because an import loads one department at a time and supervisor numbers are only unique
 * within one. The roster holds the ACTIVE employees; the training file their records (every
 * status), so each file imports on its own into its department.
 */
import * as fs from 'node:fs';
import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { systemActor } from '../../common/auth/auth-user';
import type { ClassDesignation } from '../appointments/upward-move.rule';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { seedDemoRuleSets } from '../eligibility/demo-rule-sets.seed';
import { programToday } from '../program-calendar/program-date';
import { copyRow, copyText } from './copy-format';
import { COLUMNS, DepartmentRows, money } from './department-rows';
import { rosterTee, trainingTee } from './import-files';
import { prngFor } from './prng.rule';
import { buildProgramRecords } from './program.rule';
import { SCALE_CATALOG, SCALE_DESIGNATIONS } from './scale-catalog';
import { CopyWriter } from './scale-data.writer';
import type { CsvFile } from './scale-data.writer';
import { planScaleData } from './scale-plan.rule';
import type { ScaleDataArguments, ScalePlan } from './scale-plan.rule';
import { trainingRecords } from './training.rule';
import { buildWorkforce } from './workforce.rule';

export interface ScaleDataOptions {
  employees: number;
  departments: number;
  years: number;
  seed: number;
  /** `YYYY-MM-DD`; default today in California. Fix it to repeat a run on another day. */
  today?: string;
  /** Also write the import CSV files here. */
  csvDir?: string | null;
  /** Only write the CSV files: no database is touched. */
  csvOnly?: boolean;
}

export interface ScaleDataProgress {
  department: string;
  step: string;
  employeesDone: number;
  employeesTotal: number;
}

export interface ScaleDataSummary {
  today: string;
  fiscalYears: string[];
  departments: number;
  largest: { id: string; code: string; name: string; employees: number };
  /** Rows written per table (or, with csvOnly, generated). */
  rows: Record<string, number>;
  csvFiles: string[];
  seconds: number;
}

/** The run would create a department whose code exists already: nothing was written. */
export class ScaleDataRefused extends Error {}

export const SCALE_DATA_ACTOR = 'scale-data-generator';

function pgClientOf(connection: unknown): PoolClient {
  if (
    typeof connection !== 'object' ||
    connection === null ||
    typeof (connection as { query?: unknown }).query !== 'function'
  ) {
    throw new Error('The scale data generator needs a PostgreSQL (pg) connection');
  }
  return connection as PoolClient;
}

/** Departments of the plan whose code is taken already (at most a few, for the message). */
async function takenCodes(runner: QueryRunner, plan: ScalePlan): Promise<string[]> {
  const rows = await runner.manager.query<{ code: string }[]>(
    'SELECT code FROM departments WHERE code = ANY($1::text[]) ORDER BY code',
    [plan.departments.map((d) => d.code)],
  );
  return rows.map((row) => row.code);
}

/** Catalog classes: ids of those already there, new deterministic ids for the others. */
async function loadCatalog(
  writer: CopyWriter,
  runner: QueryRunner | null,
  seed: number,
): Promise<{ ids: Map<string, string>; added: number }> {
  const ids = new Map<string, string>();
  if (runner !== null) {
    const rows = await runner.manager.query<{ id: string; class_code: string }[]>(
      'SELECT id, class_code FROM classifications WHERE class_code = ANY($1::text[])',
      [SCALE_CATALOG.map((entry) => entry.classCode)],
    );
    for (const row of rows) ids.set(row.class_code, row.id);
  }
  const missing = SCALE_CATALOG.filter((entry) => !ids.has(entry.classCode));
  for (const entry of missing) {
    ids.set(entry.classCode, prngFor(seed, 'classification', entry.classCode).uuid());
  }
  await writer.copy('classifications', COLUMNS.classifications, missing, (entry) =>
    copyRow([
      ids.get(entry.classCode)!,
      entry.classCode,
      copyText(entry.title),
      entry.occupationalGroup,
      entry.salaryLow.toFixed(2),
      entry.salaryHigh.toFixed(2),
      entry.eeo4Category,
      '1',
    ]),
  );
  return { ids, added: missing.length };
}

/**
 * Generates the data set. With `database` the rows go into it in one transaction (refused when
 * one of the department codes exists); with `csvOnly` (and no database) only the CSV files are
 * written.
 */
export async function generateScaleData(
  database: { dataSource: DataSource; audit: AuditService } | null,
  options: ScaleDataOptions,
  onProgress: (progress: ScaleDataProgress) => void = () => undefined,
): Promise<ScaleDataSummary> {
  const started = Date.now();
  const today = options.today ?? programToday();
  const args: ScaleDataArguments = { ...options, today };
  const plan = planScaleData(args);
  const csvDir = options.csvDir ?? null;
  if (options.csvOnly && csvDir === null) throw new Error('csvOnly needs a CSV directory');
  if (!options.csvOnly && database === null) throw new Error('A database is needed');
  if (csvDir !== null) fs.mkdirSync(csvDir, { recursive: true });

  const runner =
    options.csvOnly || database === null ? null : database.dataSource.createQueryRunner();
  const csvFiles: string[] = [];
  const openFiles = new Set<CsvFile>();
  try {
    let writer = new CopyWriter(null);
    if (runner !== null) {
      writer = new CopyWriter(pgClientOf(await runner.connect()));
      const taken = await takenCodes(runner, plan);
      if (taken.length > 0) {
        throw new ScaleDataRefused(
          `department code${taken.length > 1 ? 's' : ''} ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ', ...' : ''} already exist${taken.length > 1 ? '' : 's'}: this data set was generated here before; use a fresh database`,
        );
      }
      await runner.startTransaction();
    }
    const catalog = await loadCatalog(writer, runner, args.seed);
    const ruleSets = runner === null ? 0 : await seedDemoRuleSets(runner.manager);
    await writer.copy('departments', COLUMNS.departments, plan.departments, (d) =>
      copyRow([
        d.id,
        d.code,
        copyText(d.name),
        d.reportDueMonthDay,
        money(d.stateTimeCapHours),
        String(d.smallCellThreshold),
        '1',
      ]),
    );
    const designations: ClassDesignation[] = plan.fiscalYears.flatMap((fy) =>
      SCALE_DESIGNATIONS.map((entry) => ({
        classCode: entry.classCode,
        fiscalYear: fy.label,
        designation: entry.designation,
      })),
    );

    const total = args.employees;
    let done = 0;
    const audits: AuditRecord[] = [];
    for (const department of plan.departments) {
      const code = department.code;
      const before = { ...writer.counts };
      const report = (step: string) =>
        onProgress({ department: code, step, employeesDone: done, employeesTotal: total });
      report('employees');
      const input = {
        departmentCode: code,
        departmentIndex: department.index,
        size: department.size,
        profile: department.profile,
        today: plan.today,
        windowStart: plan.windowStart,
      };
      const employees = buildWorkforce(
        input,
        prngFor(args.seed, code, 'employees'),
        prngFor(args.seed, code, 'employee-ids'),
      );
      const program = buildProgramRecords(
        { employees, today: plan.today, windowStart: plan.windowStart },
        prngFor(args.seed, code, 'program'),
        prngFor(args.seed, code, 'program-ids'),
      );
      const rows = new DepartmentRows(
        args.seed,
        plan,
        department,
        catalog.ids,
        designations,
        employees,
        program,
      );

      const roster = csvDir === null ? undefined : rosterTee(csvDir, rows);
      if (roster) openFiles.add(roster.file);
      await writer.copy('employees', COLUMNS.employees, employees, (e) => rows.employeeLine(e), {
        tee: roster,
      });
      // In foreign-key order; each table's rows are produced as the COPY takes them.
      const tables: [keyof typeof COLUMNS, Iterable<string>][] = [
        ['users', rows.users()],
        ['um_designations', rows.designationRows()],
        ['selection_criteria_sets', [rows.criteriaRow()]],
        ['appointments', rows.appointmentRows()],
        ['exam_list_eligibilities', rows.examListRows()],
        ['program_applications', rows.applicationRows()],
        ['program_participations', rows.participationRows()],
        ['career_plans', rows.planRows()],
        ['career_plan_events', rows.planEventRows()],
        ['career_plan_activities', rows.activityRows()],
        ['career_conversations', rows.conversationRows()],
        ['td_assignments', rows.tdRows()],
      ];
      for (const [table, lines] of tables) {
        report(table);
        await writer.copy(table, COLUMNS[table], lines, (line) => line);
      }

      const training = csvDir === null ? undefined : trainingTee(csvDir, rows);
      if (training) openFiles.add(training.file);
      const trainingBefore = writer.counts.training_records ?? 0;
      await writer.copy(
        'training_records',
        COLUMNS.training_records,
        trainingRecords(
          {
            employees,
            fiscalYears: plan.fiscalYears,
            today: plan.today,
            stateTimeCapHours: department.stateTimeCapHours,
          },
          prngFor(args.seed, code, 'training'),
          prngFor(args.seed, code, 'training-ids'),
        ),
        (t) => rows.trainingLine(t),
        {
          tee: training,
          onChunk: (count) => report(`training ${trainingBefore + count} records`),
        },
      );
      const goals = rows.goalRows(prngFor(args.seed, code, 'goals'));
      await writer.copy('annual_goals', COLUMNS.annual_goals, goals, (line) => line);
      for (const tee of [roster, training]) {
        if (tee === undefined) continue;
        await tee.file.close();
        openFiles.delete(tee.file);
        csvFiles.push(tee.file.path);
      }

      const added: Record<string, number> = {};
      for (const [table, count] of Object.entries(writer.counts)) {
        const delta = count - (before[table] ?? 0);
        if (delta > 0 && table !== 'departments' && table !== 'classifications') {
          added[table] = delta;
        }
      }
      audits.push({
        action: 'GENERATE',
        entityType: 'department',
        entityId: department.id,
        departmentId: department.id,
        changes: {
          generated: {
            old: null,
            new: { generator: 'scale-data', seed: args.seed, code, rows: added },
          },
        },
      });
      done += department.size;
      report('done');
    }

    if (runner !== null) {
      await runner.query(
        `UPDATE departments d SET um_coordinator_user_id = u.id
           FROM users u
          WHERE u.department_id = d.id AND u.role = 'COORDINATOR' AND d.code = ANY($1::text[])`,
        [plan.departments.map((d) => d.code)],
      );
      audits.push({
        action: 'GENERATE',
        entityType: 'scale_data',
        entityId: null,
        departmentId: null,
        changes: {
          generated: {
            old: null,
            new: {
              generator: 'scale-data',
              seed: args.seed,
              employees: args.employees,
              departments: args.departments,
              fiscalYears: plan.fiscalYears.map((fy) => fy.label),
              today,
              classificationsAdded: catalog.added,
              illustrativeRuleSetsAdded: ruleSets,
            },
          },
        },
      });
      await database!.audit.record(runner.manager, systemActor(SCALE_DATA_ACTOR), audits);
      await runner.commitTransaction();
    }

    const largest = plan.departments[0];
    return {
      today,
      fiscalYears: plan.fiscalYears.map((fy) => fy.label),
      departments: plan.departments.length,
      largest: { id: largest.id, code: largest.code, name: largest.name, employees: largest.size },
      rows: { ...writer.counts },
      csvFiles,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    if (runner?.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    for (const file of openFiles) await file.close().catch(() => undefined);
    await runner?.release();
  }
}
