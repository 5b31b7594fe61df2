import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { AuditService } from '../src/modules/audit/audit.service';
import type { AnnualReportData } from '../src/modules/reports/annual-report.types';
import { ROSTER_COLUMNS, TRAINING_COLUMNS } from '../src/modules/imports/import-layout';
import {
  generateScaleData,
  ScaleDataRefused,
} from '../src/modules/scale-data/scale-data.generator';
import type {
  ScaleDataOptions,
  ScaleDataSummary,
} from '../src/modules/scale-data/scale-data.generator';
import { login, makeUser } from './support/fixtures';
import { startTestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';
import type { TestApp } from './support/test-app';

/**
 * The scale data generator on a fresh database: what it writes honours the schema (the database
 * enforces every key and constraint), holds together (class histories, move flags, program
 * records), is audited, is the same on a second database, and the app's annual report reads it.
 */

const OPTIONS: ScaleDataOptions = {
  employees: 3_000,
  departments: 6,
  years: 2,
  seed: 7,
  today: '2026-11-26',
};
const CURRENT_FY = '2026-27';

/** Tables whose content must be identical from one generation to the next (timestamps set by
 * the database at insert time left out). */
const KEY_TABLES = [
  'departments',
  'classifications',
  'um_designations',
  'employees',
  'users',
  'appointments',
  'program_applications',
  'program_participations',
  'career_plans',
  'career_plan_events',
  'career_plan_activities',
  'career_conversations',
  'td_assignments',
  'training_records',
  'annual_goals',
  'exam_list_eligibilities',
  'selection_criteria_sets',
];

async function contentHashes(dataSource: DataSource): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const table of KEY_TABLES) {
    const rows: { hash: string | null; count: number }[] = await dataSource.query(
      `SELECT md5(string_agg((to_jsonb(x) - 'created_at' - 'updated_at')::text, '|' ORDER BY x.id)) AS hash,
              count(*)::int AS count
         FROM "${table}" x`,
    );
    hashes[table] = `${rows[0].count}:${rows[0].hash}`;
  }
  return hashes;
}

describe('Scale data generator (e2e)', () => {
  let t: TestApp;
  let summary: ScaleDataSummary;
  let hashes: Record<string, string>;
  const one = async (sql: string, params: unknown[] = []) =>
    Number(Object.values((await t.dataSource.query<Record<string, unknown>[]>(sql, params))[0])[0]);
  const generate = (app: TestApp, options: ScaleDataOptions = OPTIONS) =>
    generateScaleData({ dataSource: app.dataSource, audit: app.app.get(AuditService) }, options);

  beforeAll(async () => {
    t = await startTestApp();
    summary = await generate(t);
    // Taken before any test adds rows (a user to sign in with) to this database.
    hashes = await contentHashes(t.dataSource);
  });
  afterAll(() => t.close());

  it('writes the requested employees, departments and fiscal years, as counted in the database', async () => {
    expect(summary.fiscalYears).toEqual(['2025-26', CURRENT_FY]);
    expect(await one('SELECT count(*) FROM employees')).toBe(3_000);
    expect(
      await t.dataSource.query("SELECT code FROM departments WHERE code LIKE 'D0%' ORDER BY code"),
    ).toEqual(['D001', 'D002', 'D003', 'D004', 'D005', 'D006'].map((code) => ({ code })));
    for (const [table, count] of Object.entries(summary.rows)) {
      expect([table, await one(`SELECT count(*) FROM "${table}"`)]).toEqual([table, count]);
    }
    expect(
      await t.dataSource.query('SELECT DISTINCT fiscal_year FROM um_designations ORDER BY 1'),
    ).toEqual([{ fiscal_year: '2025-26' }, { fiscal_year: CURRENT_FY }]);
    // The largest department holds about a quarter of everyone.
    const largest = await one(
      "SELECT count(*) FROM employees e JOIN departments d ON d.id = e.department_id WHERE d.code = 'D001'",
    );
    expect(largest).toBe(summary.largest.employees);
    expect(largest / 3_000).toBeGreaterThan(0.2);
    expect(largest / 3_000).toBeLessThan(0.35);
    // Training: about two a year per employee, mostly verified by someone, at some time.
    const training = summary.rows.training_records;
    expect(training / 3_000).toBeGreaterThan(3);
    expect(training / 3_000).toBeLessThan(6);
    expect(
      (await one("SELECT count(*) FROM training_records WHERE status = 'VERIFIED'")) / training,
    ).toBeGreaterThan(0.85);
    expect(
      await one(
        `SELECT count(*) FROM training_records
          WHERE (status = 'REPORTED') <> (verified_by IS NULL AND verified_at IS NULL)
             OR (status = 'REJECTED') <> (rejection_reason IS NOT NULL)`,
      ),
    ).toBe(0);
    for (const table of [
      'employees',
      'users',
      'departments',
      'training_records',
      'career_plans',
      'annual_goals',
      'td_assignments',
      'program_applications',
    ]) {
      expect([table, await one(`SELECT count(*) FROM "${table}" WHERE version <> 1`)]).toEqual([
        table,
        0,
      ]);
    }
  });

  it('has realistic proportions: a quarter low-paying, mostly full time, every answer present', async () => {
    const lowPaying = await one(
      `SELECT count(*) FROM employees e
         JOIN um_designations u ON u.department_id = e.department_id AND u.classification_id = e.classification_id
        WHERE u.fiscal_year = $1 AND u.designation IN ('LPEL', 'BRIDGING') AND e.status = 'ACTIVE'`,
      [CURRENT_FY],
    );
    const active = await one("SELECT count(*) FROM employees WHERE status = 'ACTIVE'");
    expect(lowPaying / active).toBeGreaterThan(0.18);
    expect(lowPaying / active).toBeLessThan(0.34);
    expect(
      (await one("SELECT count(*) FROM employees WHERE time_base = 'FULL_TIME'")) / 3_000,
    ).toBeGreaterThan(0.85);
    const separated = await one(
      "SELECT count(*) FROM employees WHERE status = 'SEPARATED' AND separated_on IS NOT NULL",
    );
    expect(separated).toBeGreaterThan(0);
    expect(separated / 3_000).toBeLessThan(0.06);
    const answers = await t.dataSource.query<{ answer: string; n: number }[]>(
      `SELECT CASE WHEN ethnicities IS NULL THEN 'not provided'
                   WHEN ethnicities = '{DECLINED}' THEN 'declined'
                   WHEN cardinality(ethnicities) > 1 THEN 'multiple'
                   ELSE 'one' END AS answer, count(*)::int AS n
         FROM employees GROUP BY 1`,
    );
    const share = (answer: string) => (answers.find((a) => a.answer === answer)?.n ?? 0) / 3_000;
    expect(share('one')).toBeGreaterThan(0.8);
    for (const answer of ['not provided', 'declined', 'multiple']) {
      expect(share(answer)).toBeGreaterThan(0.01);
      expect(share(answer)).toBeLessThan(0.1);
    }
    expect(await one("SELECT count(*) FROM employees WHERE gender = 'DECLINED'")).toBeGreaterThan(
      0,
    );
    expect(
      await one("SELECT count(*) FROM employees WHERE 'ASIAN_VIETNAMESE' = ANY(ethnicities)"),
    ).toBeGreaterThan(0);
  });

  it('keeps class histories, supervisors and move flags consistent with the designations', async () => {
    // The latest appointment with a class is the employee's current class.
    expect(
      await one(
        `SELECT count(*) FROM employees e
          WHERE e.classification_id IS DISTINCT FROM (
            SELECT a.to_classification_id FROM appointments a
             WHERE a.employee_id = e.id AND a.to_classification_id IS NOT NULL
             ORDER BY a.effective_date DESC LIMIT 1)`,
      ),
    ).toBe(0);
    // Supervisors work in the same department; only department heads have none.
    expect(
      await one(
        `SELECT count(*) FROM employees e JOIN employees s ON s.id = e.supervisor_id
          WHERE s.department_id <> e.department_id`,
      ),
    ).toBe(0);
    expect(await one('SELECT count(*) FROM employees WHERE supervisor_id IS NULL')).toBe(6);
    // A move is flagged exactly when the designations in force say LPEL/bridging -> ELTPA.
    const judged = `
      SELECT a.is_upward_mobility_move AS flagged,
             a.type <> 'SEPARATION' AND COALESCE(f.designation::text, 'NONE') IN ('LPEL', 'BRIDGING')
               AND COALESCE(t.designation::text, 'NONE') = 'ELTPA' AS should_be
        FROM appointments a
        CROSS JOIN LATERAL (
          SELECT y || '-' || lpad(((y + 1) % 100)::text, 2, '0') AS label
            FROM (SELECT extract(year FROM a.effective_date - interval '6 months')::int AS y) s
        ) fy
        LEFT JOIN um_designations f ON f.department_id = a.department_id
              AND f.classification_id = a.from_classification_id AND f.fiscal_year = fy.label
        LEFT JOIN um_designations t ON t.department_id = a.department_id
              AND t.classification_id = a.to_classification_id AND t.fiscal_year = fy.label`;
    expect(
      await one(`SELECT count(*) FROM (${judged}) j WHERE flagged <> COALESCE(should_be, false)`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM appointments WHERE is_upward_mobility_move
            AND NOT (from_designation IN ('LPEL', 'BRIDGING') AND to_designation = 'ELTPA')`,
      ),
    ).toBe(0);
    const moves = await one('SELECT count(*) FROM appointments WHERE is_upward_mobility_move');
    expect(moves).toBeGreaterThan(10);
    // Everyone who moved up is now in the ELTPA class they moved into.
    expect(
      await one(
        `SELECT count(*) FROM appointments a JOIN employees e ON e.id = a.employee_id
          WHERE a.is_upward_mobility_move AND e.classification_id <> a.to_classification_id`,
      ),
    ).toBe(0);
  });

  it('links program records the way the workflow would', async () => {
    expect(
      await one(
        `SELECT count(*) FROM program_applications a
           LEFT JOIN program_participations p ON p.application_id = a.id
          WHERE (a.status = 'ACCEPTED') <> (p.id IS NOT NULL)`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM program_participations p
           LEFT JOIN career_plans c ON c.participation_id = p.id WHERE c.id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM career_plans c
          WHERE c.state::text <> COALESCE((SELECT e.to_state FROM career_plan_events e WHERE e.plan_id = c.id
                                      ORDER BY e.occurred_at DESC LIMIT 1), 'DRAFT')`,
      ),
    ).toBe(0);
    const states = await t.dataSource.query<{ state: string }[]>(
      'SELECT DISTINCT state::text AS state FROM career_plans ORDER BY 1',
    );
    expect(states.map((s) => s.state)).toEqual(
      expect.arrayContaining(['APPROVED', 'DRAFT', 'SUBMITTED']),
    );
    // Every department has its coordinator, who is a user of the department.
    expect(
      await one(
        `SELECT count(*) FROM departments d JOIN users u ON u.id = d.um_coordinator_user_id
          WHERE u.role = 'COORDINATOR' AND u.department_id = d.id AND d.code LIKE 'D0%'`,
      ),
    ).toBe(6);
    expect(await one('SELECT count(*) FROM annual_goals')).toBe(12);
  });

  it('audits the run, one entry per department and one for the whole, and the chain verifies', async () => {
    expect(
      await one(
        `SELECT count(*) FROM audit_log a JOIN departments d ON d.id = a.department_id
          WHERE a.action = 'GENERATE' AND a.entity_type = 'department' AND a.entity_id = d.id::text`,
      ),
    ).toBe(6);
    expect(
      await one(
        "SELECT count(*) FROM audit_log WHERE action = 'GENERATE' AND entity_type = 'scale_data'",
      ),
    ).toBe(1);
    const verdict = await t.app.get(AuditService).verify();
    expect(verdict.ok).toBe(true);
  });

  it('refuses to generate departments that exist already, and writes nothing', async () => {
    const before = await one('SELECT count(*) FROM employees');
    const audits = await one('SELECT count(*) FROM audit_log');
    await expect(generate(t, { ...OPTIONS, seed: 8 })).rejects.toThrow(ScaleDataRefused);
    await expect(generate(t, { ...OPTIONS, seed: 8 })).rejects.toThrow(/D001.*already exist/);
    expect(await one('SELECT count(*) FROM employees')).toBe(before);
    expect(await one('SELECT count(*) FROM audit_log')).toBe(audits);
  });

  it("answers the largest department's annual report with the moves counted here", async () => {
    const admin = await makeUser(t.dataSource, 'ADMIN');
    const { accessToken } = await login(t.http, admin.email);
    const response = await t.http
      .get(`/api/departments/${summary.largest.id}/reports/annual/2025-26`)
      .set({ Authorization: `Bearer ${accessToken}` });
    expect(response.status).toBe(200);
    const report = response.body as AnnualReportData;
    const fiscalYearMoves = await one(
      `SELECT count(*) FROM appointments
        WHERE department_id = $1 AND is_upward_mobility_move
          AND effective_date BETWEEN '2025-07-01' AND '2026-06-30'`,
      [summary.largest.id],
    );
    const calendarYearMoves = await one(
      `SELECT count(*) FROM appointments
        WHERE department_id = $1 AND is_upward_mobility_move
          AND effective_date BETWEEN '2025-01-01' AND '2025-12-31'`,
      [summary.largest.id],
    );
    expect(fiscalYearMoves).toBeGreaterThan(0);
    expect(report.goalsVsResults.moves.fiscalYear.moves).toBe(fiscalYearMoves);
    expect(report.goalsVsResults.moves.calendarYear.moves).toBe(calendarYearMoves);
    expect(report.goalsVsResults.goalRecorded).toBe(true);
  });

  it('writes the same rows, ids included, into another fresh database', async () => {
    // The generator needs only the database and the audit service: no second app is booted.
    const database = await createTestDatabase();
    const dataSource = new DataSource(buildDataSourceOptions(database.url));
    try {
      await dataSource.initialize();
      await generateScaleData({ dataSource, audit: new AuditService(dataSource) }, OPTIONS);
      expect(await contentHashes(dataSource)).toEqual(hashes);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('writes the import files of every department from the same rows, without a database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'um-scale-csv-'));
    try {
      const csv = await generateScaleData(null, { ...OPTIONS, csvDir: dir, csvOnly: true });
      expect(csv.csvFiles).toHaveLength(12);
      const lines = (file: string) =>
        fs
          .readFileSync(path.join(dir, file), 'utf8')
          .split('\r\n')
          .filter((line) => line !== '');
      const roster = lines('D001-roster.csv');
      expect(roster[0]).toBe(ROSTER_COLUMNS.map((c) => c.name).join(','));
      const active = await t.dataSource.query<{ employee_number: string }[]>(
        `SELECT e.employee_number FROM employees e JOIN departments d ON d.id = e.department_id
          WHERE d.code = 'D001' AND e.status = 'ACTIVE' ORDER BY e.employee_number`,
      );
      expect(
        roster
          .slice(1)
          .map((line) => line.split(',')[0])
          .sort(),
      ).toEqual(active.map((row) => row.employee_number));
      const training = lines('D001-training.csv');
      expect(training[0]).toBe(TRAINING_COLUMNS.map((c) => c.name).join(','));
      expect(training.length - 1).toBe(
        await one(
          `SELECT count(*) FROM training_records t JOIN employees e ON e.id = t.employee_id
             JOIN departments d ON d.id = e.department_id
            WHERE d.code = 'D001' AND e.status = 'ACTIVE'`,
        ),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
