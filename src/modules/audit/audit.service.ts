import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import type { FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';
import { Between, LessThan, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { auditEntryHash, GENESIS_HASH, verifyChain } from './audit-chain.rule';
import type { AuditContent, ChainVerdict } from './audit-chain.rule';
import { CopyWriter } from '../../database/copy-writer';
import { AuditEntry } from './audit-entry.entity';
import type { AuditQueryDto } from './audit.dto';

/** From this many entries (a bulk import), they go in by COPY: rows keep their order, so ids
 * still follow the chain. */
const COPY_THRESHOLD = 2000;

async function copyEntries(manager: EntityManager, rows: Partial<AuditEntry>[]): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner)
    throw new Error('Audit entries must be written inside the transaction of their change');
  const writer = await CopyWriter.open(
    runner,
    `COPY audit_log (occurred_at, actor_user_id, actor_role, department_id, entity_type, entity_id,
       action, changes, request_id, prev_hash, hash) FROM STDIN`,
  );
  for (const row of rows) {
    await writer.write([
      (row.occurredAt as Date).toISOString(),
      row.actorUserId ?? null,
      row.actorRole ?? null,
      row.departmentId ?? null,
      row.entityType ?? '',
      row.entityId ?? null,
      row.action ?? '',
      JSON.stringify(row.changes ?? {}),
      row.requestId ?? null,
      row.prevHash ?? '',
      row.hash ?? '',
    ]);
  }
  await writer.end();
}

/** Advisory lock key that serializes appends, so concurrent writers never fork the chain. */
const AUDIT_CHAIN_LOCK = 0x554d4155;
const VERIFY_PAGE = 5000;

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  departmentId: string | null;
  changes?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends entries inside the caller's transaction: they commit or roll back with the change
   * they describe. The advisory lock is held until that transaction ends.
   */
  async record(
    manager: EntityManager,
    actor: Actor | null,
    records: AuditRecord | AuditRecord[],
  ): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit entries must be written inside the transaction of their change');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    const occurredAt = new Date();
    const rows = list.map((record) => {
      const content: AuditContent = {
        occurredAt: occurredAt.toISOString(),
        actorUserId: actor?.user.id ?? null,
        actorRole: actor?.user.role ?? null,
        departmentId: record.departmentId,
        entityType: record.entityType,
        entityId: record.entityId,
        action: record.action,
        changes: record.changes ?? {},
        requestId: actor?.requestId || null,
      };
      const hash = auditEntryHash(prevHash, content);
      const row: Partial<AuditEntry> = { ...content, occurredAt, prevHash, hash };
      prevHash = hash;
      return row;
    });
    if (rows.length >= COPY_THRESHOLD) {
      await copyEntries(manager, rows);
      return;
    }
    // Chunked multi-row inserts keep id order equal to chain order.
    for (let i = 0; i < rows.length; i += 1000) {
      await manager
        .getRepository(AuditEntry)
        .insert(rows.slice(i, i + 1000) as QueryDeepPartialEntity<AuditEntry>[]);
    }
  }

  async list(query: AuditQueryDto, actor: Actor): Promise<Page<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.actorUserId) where.actorUserId = query.actorUserId;
    if (query.action) where.action = query.action;
    if (query.from && query.to)
      where.occurredAt = Between(new Date(query.from), new Date(query.to));
    else if (query.from) where.occurredAt = MoreThanOrEqual(new Date(query.from));
    else if (query.to) where.occurredAt = LessThan(new Date(query.to));
    // A coordinator reads the trail of their own department only.
    if (actor.user.role === 'COORDINATOR') where.departmentId = actor.user.departmentId ?? '';
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [items, total] = await this.dataSource.getRepository(AuditEntry).findAndCount({
      where,
      order:
        query.sort === 'occurredAt' ? { occurredAt: direction, id: direction } : { id: direction },
      skip: skipFor(query),
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  /** Recomputes every hash in sequence order, a page at a time. */
  async verify(): Promise<ChainVerdict> {
    const repository = this.dataSource.getRepository(AuditEntry);
    let verdict: ChainVerdict = { ok: true, count: 0, headHash: GENESIS_HASH };
    let afterId = '0';
    for (;;) {
      const page = await repository.find({
        where: { id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: VERIFY_PAGE,
      });
      if (page.length === 0) return verdict;
      verdict = verifyChain(
        page.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() })),
        verdict,
      );
      if (!verdict.ok) return verdict;
      afterId = page[page.length - 1].id;
    }
  }
}
