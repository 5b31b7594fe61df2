import { DataSource } from 'typeorm';
import type { ChainVerdict } from '../../src/modules/audit/audit-chain.rule';
import { AuditService } from '../../src/modules/audit/audit.service';

/**
 * What a refused request must leave untouched: every table's row count and the newest
 * transaction id among its rows (`max(xmin)`, which moves on any INSERT or UPDATE), and the audit
 * chain's length and head. One sequential scan per table: cheap enough to take after every
 * request of a fuzzing run.
 */
export interface DatabaseState {
  tables: Record<string, string>;
  audit: AuditHead;
}

export interface AuditHead {
  count: number;
  headHash: string | null;
}

const statementCache = new WeakMap<DataSource, Promise<string>>();

async function fingerprintStatement(dataSource: DataSource): Promise<string> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'audit_log'
      ORDER BY table_name`,
  );
  return tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS state FROM "${name}"`,
    )
    .join(' UNION ALL ');
}

export async function auditHead(dataSource: DataSource): Promise<AuditHead> {
  const rows: { count: string; hash: string | null }[] = await dataSource.query(
    `SELECT (SELECT count(*) FROM audit_log) AS count,
            (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash`,
  );
  return { count: Number(rows[0].count), headHash: rows[0].hash };
}

export async function databaseState(dataSource: DataSource): Promise<DatabaseState> {
  let statement = statementCache.get(dataSource);
  if (!statement) {
    statement = fingerprintStatement(dataSource);
    statementCache.set(dataSource, statement);
  }
  const rows: { name: string; state: string }[] = await dataSource.query(await statement);
  return {
    tables: Object.fromEntries(rows.map((row) => [row.name, row.state])),
    audit: await auditHead(dataSource),
  };
}

/** Tables whose count or newest row version differ between two states. */
export function changedTables(before: DatabaseState, after: DatabaseState): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((name) => before.tables[name] !== after.tables[name]).sort();
}

/** Walks the whole hash chain, as `GET /api/audit/verify` does. */
export function verifyAuditChain(dataSource: DataSource): Promise<ChainVerdict> {
  return new AuditService(dataSource).verify();
}

export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const rows: { count: string }[] = await dataSource.query(`SELECT count(*) FROM "${table}"`);
  return Number(rows[0].count);
}
