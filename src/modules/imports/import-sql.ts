import type { QueryRunner } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import type { ApplyProgress, AuditSink } from './import-job';

/**
 * A set-based check: `badRowsSql` selects `row_number, value, message` of the refused rows.
 * They are marked `rejected` in the staging table, and the first `limit` by row are returned
 * with the `total` (window count before the limit).
 */
export function checkSql(staging: string, badRowsSql: string, limit: number): string {
  return `WITH bad AS (${badRowsSql}),
    marked AS (UPDATE ${staging} s SET rejected = true FROM bad WHERE s.row_number = bad.row_number)
    SELECT bad.*, count(*) OVER () AS total
      FROM bad ORDER BY row_number LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** How many staged rows each action has. */
export async function countActions(
  queryRunner: QueryRunner,
  staging: string,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const rows: { action: string; count: string }[] = await queryRunner.manager.query(
    `SELECT action, count(*) AS count FROM ${staging} GROUP BY action`,
  );
  const count = (action: string) => Number(rows.find((row) => row.action === action)?.count ?? 0);
  return { created: count('CREATE'), updated: count('UPDATE'), unchanged: count('UNCHANGED') };
}

/**
 * Locks the rows about to be updated and keeps them as they were (`import_before`), so each
 * audit entry compares what was really overwritten with what is written.
 */
export async function lockAndKeepBefore(
  queryRunner: QueryRunner,
  table: 'employees' | 'training_records',
  staging: string,
  stagingIdColumn: string,
): Promise<void> {
  await queryRunner.query(
    `SELECT count(*) FROM (SELECT 1 FROM ${table} t JOIN ${staging} s ON s.${stagingIdColumn} = t.id
      WHERE s.action = 'UPDATE' FOR UPDATE OF t) locked`,
  );
  await queryRunner.query(
    `CREATE TEMP TABLE import_before ON COMMIT DROP AS
       SELECT t.* FROM ${table} t JOIN ${staging} s ON s.${stagingIdColumn} = t.id
        WHERE s.action = 'UPDATE'`,
  );
  await queryRunner.query('CREATE INDEX ON import_before (id)');
}

/** Audit entries are computed and appended this many at a time. */
export const AUDIT_BATCH = 5000;

/**
 * Reads `sql` through a cursor (one sort, bounded memory), turns each row into an audit entry
 * and hands them over in batches, in file order.
 */
export async function auditBatches(
  queryRunner: QueryRunner,
  sql: string,
  toRecord: (raw: Record<string, unknown>) => AuditRecord,
  audit: AuditSink,
  progress: ApplyProgress,
  total: number,
): Promise<void> {
  await queryRunner.query(`DECLARE import_audit_rows NO SCROLL CURSOR FOR ${sql}`);
  let done = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await queryRunner.manager.query(
      `FETCH ${AUDIT_BATCH} FROM import_audit_rows`,
    );
    if (rows.length === 0) break;
    await audit(rows.map(toRecord));
    done += rows.length;
    progress('audit entries', done, total);
  }
  await queryRunner.query('CLOSE import_audit_rows');
}
