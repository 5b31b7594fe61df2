import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { programToday } from '../program-calendar/program-date';
import type { Actor, AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { PlanActivity } from '../career-plans/plan-activity.entity';
import { Department } from '../departments/department.entity';
import {
  findVisibleEmployee,
  scopeToVisibleEmployees,
  findVisibleEmployeeRecord,
} from '../employees/employee-access';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import {
  detectEvidenceMediaType,
  EVIDENCE_MEDIA_TYPES,
  MAX_EVIDENCE_BYTES,
  safeEvidenceFileName,
} from './evidence-content.rule';
import { EvidenceFile } from './evidence-file.entity';
import { EvidenceStore, sha256Of } from './evidence-store';
import { exceedsStateTimeCap, trainingRecordProblems } from './training-record.rule';
import { TrainingRecord } from './training-record.entity';
import type {
  BulkVerifyDto,
  CreateTrainingRecordDto,
  RejectTrainingRecordDto,
  TrainingRecordQueryDto,
} from './training.dto';

/** The file multer hands over (memory storage: the content is in `buffer`). */
export interface UploadedEvidence {
  originalname: string;
  mimetype: string;
  size: number;
  buffer?: Buffer;
}

function auditView(record: TrainingRecord): Record<string, unknown> {
  return {
    employeeId: record.employeeId,
    title: record.title,
    provider: record.provider,
    kind: record.kind,
    hours: Number(record.hours),
    semesterUnits: record.semesterUnits === null ? null : Number(record.semesterUnits),
    startDate: record.startDate,
    completionDate: record.completionDate,
    fiscalYear: record.fiscalYear,
    onStateTime: record.onStateTime,
    cost: record.cost === null ? null : Number(record.cost),
    planActivityId: record.planActivityId,
    status: record.status,
    verifiedBy: record.verifiedBy,
    rejectionReason: record.rejectionReason,
    exceedsStateTimeCap: record.exceedsStateTimeCap,
  };
}

/** Coordinators (of the employee's department, by scope) and administrators review records. */
function isReviewer(user: AuthUser): boolean {
  return user.role === 'ADMIN' || user.role === 'COORDINATOR';
}

function isOwn(user: AuthUser, record: { employeeId: string }): boolean {
  return user.employeeId !== null && user.employeeId === record.employeeId;
}

@Injectable()
export class TrainingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: EvidenceStore,
  ) {}

  async list(query: TrainingRecordQueryDto, actor: Actor): Promise<Page<TrainingRecord>> {
    const builder = this.dataSource.getRepository(TrainingRecord).createQueryBuilder('r');
    scopeToVisibleEmployees(builder, actor.user, 'r.employee_id');
    if (query.employeeId) builder.andWhere('r.employee_id = :employeeId', query);
    if (query.departmentId) builder.andWhere('r.department_id = :departmentId', query);
    if (query.status) builder.andWhere('r.status = :status', query);
    if (query.fiscalYear) builder.andWhere('r.fiscal_year = :fiscalYear', query);
    if (query.kind) builder.andWhere('r.kind = :kind', query);
    const [items, total] = await builder
      .orderBy(`r.${query.sort}`, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(
    id: string,
    actor: Actor,
  ): Promise<{ record: TrainingRecord; evidence: EvidenceFile[] }> {
    const record = await this.findVisible(this.dataSource.manager, id, actor);
    const evidence = await this.dataSource.getRepository(EvidenceFile).find({
      where: { trainingRecordId: id },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return { record, evidence };
  }

  async create(input: CreateTrainingRecordDto, actor: Actor): Promise<TrainingRecord> {
    const employeeId = input.employeeId ?? actor.user.employeeId;
    if (!employeeId) {
      throw DomainError.validation([
        { field: 'employeeId', message: 'is required: you have no employee record of your own' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // Locked: two records for one employee at once must not both slip under the cap.
      const employee = await findVisibleEmployee(manager, employeeId, actor, { lock: true });
      const own = isOwn(actor.user, { employeeId: employee.id });
      if (!own && !isReviewer(actor.user)) {
        throw new DomainError('FORBIDDEN', 'You may report only your own training', [
          { field: 'employeeId', message: 'must be your own employee record' },
        ]);
      }
      if (input.verified && !isReviewer(actor.user)) {
        throw new DomainError(
          'FORBIDDEN',
          'Only a coordinator or an administrator may enter a verified record',
          [{ field: 'verified', message: 'only a coordinator or an administrator may set it' }],
        );
      }
      if (input.verified && own) {
        throw new DomainError('FORBIDDEN', 'Nobody verifies their own training', [
          { field: 'verified', message: 'your own training is verified by someone else' },
        ]);
      }

      const problems: FieldProblem[] = trainingRecordProblems(input, programToday());
      if (
        input.planActivityId &&
        !(await this.isPlanActivityOf(manager, input.planActivityId, employee.id))
      ) {
        problems.push({
          field: 'planActivityId',
          message: 'is not an activity of this employee’s career development plan',
        });
      }
      if (problems.length > 0) throw DomainError.validation(problems);

      const fiscalYear = fiscalYearOf(input.completionDate);
      const department = await manager.findOneByOrFail(Department, { id: employee.departmentId });
      const cap =
        department.stateTimeTrainingCapHours === null
          ? null
          : Number(department.stateTimeTrainingCapHours);
      const otherHours = input.onStateTime
        ? await this.stateTimeHours(manager, employee.id, fiscalYear)
        : 0;
      const verified = input.verified === true;
      const record = manager.create(TrainingRecord, {
        departmentId: employee.departmentId,
        employeeId: employee.id,
        title: input.title,
        provider: input.provider ?? '',
        kind: input.kind,
        hours: input.hours.toFixed(2),
        semesterUnits: input.semesterUnits === undefined ? null : input.semesterUnits.toFixed(1),
        startDate: input.startDate,
        completionDate: input.completionDate,
        fiscalYear,
        onStateTime: input.onStateTime,
        cost: input.cost === undefined ? null : input.cost.toFixed(2),
        planActivityId: input.planActivityId ?? null,
        status: verified ? 'VERIFIED' : 'REPORTED',
        reportedBy: actor.user.id,
        verifiedBy: verified ? actor.user.id : null,
        verifiedAt: verified ? new Date() : null,
        rejectionReason: null,
        exceedsStateTimeCap: exceedsStateTimeCap(cap, otherHours, input),
      });
      await manager.save(record);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'training_record',
        entityId: record.id,
        departmentId: record.departmentId,
        changes: diffForAudit(null, auditView(record)),
      });
      return record;
    });
  }

  async verify(id: string, actor: Actor): Promise<TrainingRecord> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.findVisible(manager, id, actor, { lock: true });
      this.assertReviewable(record, actor);
      return this.applyReview(manager, record, actor, 'VERIFY');
    });
  }

  async reject(id: string, input: RejectTrainingRecordDto, actor: Actor): Promise<TrainingRecord> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.findVisible(manager, id, actor, { lock: true });
      this.assertReviewable(record, actor);
      return this.applyReview(manager, record, actor, 'REJECT', input.reason.trim());
    });
  }

  /** All or nothing: any id that cannot be verified refuses the whole request, listing each. */
  async verifyMany(input: BulkVerifyDto, actor: Actor): Promise<TrainingRecord[]> {
    const duplicates: FieldProblem[] = [];
    input.ids.forEach((id, index) => {
      if (input.ids.indexOf(id) !== index) {
        duplicates.push({ field: `ids[${index}]`, message: `${id} is listed twice` });
      }
    });
    if (duplicates.length > 0) throw DomainError.validation(duplicates);

    return this.dataSource.transaction(async (manager) => {
      const builder = manager
        .getRepository(TrainingRecord)
        .createQueryBuilder('r')
        .where({ id: In(input.ids) })
        .orderBy('r.id', 'ASC') // a stable lock order: concurrent bulk requests cannot deadlock
        .setLock('pessimistic_write');
      scopeToVisibleEmployees(builder, actor.user, 'r.employee_id');
      const found = new Map((await builder.getMany()).map((record) => [record.id, record]));

      const problems: (FieldProblem & { id: string; reason: string })[] = [];
      input.ids.forEach((id, index) => {
        const record = found.get(id);
        const reason = !record
          ? 'NOT_FOUND'
          : record.status !== 'REPORTED'
            ? record.status
            : isOwn(actor.user, record)
              ? 'OWN_RECORD'
              : null;
        if (reason === null) return;
        const message =
          reason === 'NOT_FOUND'
            ? `${id} was not found`
            : reason === 'OWN_RECORD'
              ? `${id} is your own training: someone else verifies it`
              : `${id} is ${reason}; only REPORTED records can be verified`;
        problems.push({ field: `ids[${index}]`, message, id, reason });
      });
      if (problems.length > 0) {
        const code = problems.every((p) => p.reason === 'NOT_FOUND')
          ? 'NOT_FOUND'
          : problems.every((p) => p.reason === 'NOT_FOUND' || p.reason === 'OWN_RECORD')
            ? 'FORBIDDEN'
            : 'TRANSITION_NOT_ALLOWED';
        throw new DomainError(
          code,
          `${problems.length} of ${input.ids.length} records cannot be verified; none was`,
          problems.map(({ field, message }) => ({ field, message })),
          { invalidIds: problems.map(({ id, reason }) => ({ id, reason })) },
        );
      }

      const verified: TrainingRecord[] = [];
      for (const id of input.ids) {
        verified.push(await this.applyReview(manager, found.get(id)!, actor, 'VERIFY'));
      }
      return verified;
    });
  }

  async addEvidence(
    id: string,
    file: UploadedEvidence | undefined,
    actor: Actor,
  ): Promise<EvidenceFile> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.findVisible(manager, id, actor, { lock: true });
      const reviewer = isReviewer(actor.user);
      if (!reviewer && !isOwn(actor.user, record)) {
        throw new DomainError(
          'FORBIDDEN',
          'Only the employee, a coordinator or an administrator may add evidence',
        );
      }
      if (!reviewer && record.status !== 'REPORTED') {
        throw new DomainError(
          'TRANSITION_NOT_ALLOWED',
          `The record is ${record.status}: only a coordinator may add evidence now`,
          [],
          { currentStatus: record.status },
        );
      }
      if (!file || !Buffer.isBuffer(file.buffer)) {
        throw DomainError.validation([
          { field: 'file', message: 'is required (multipart/form-data field "file")' },
        ]);
      }
      const content = file.buffer;
      if (content.length > MAX_EVIDENCE_BYTES) throw evidenceTooLarge();
      const mediaType = detectEvidenceMediaType(content);
      if (!mediaType) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Evidence must be a PDF, PNG or JPEG file (judged from its content)',
          [{ field: 'file', message: 'content is not a PDF, PNG or JPEG' }],
          { allowed: [...EVIDENCE_MEDIA_TYPES] },
        );
      }
      const sha256 = sha256Of(content);
      const evidence = manager.create(EvidenceFile, {
        trainingRecordId: record.id,
        fileName: safeEvidenceFileName(file.originalname, mediaType),
        mediaType,
        sizeBytes: content.length,
        sha256,
        uploadedBy: actor.user.id,
      });
      await manager.save(evidence);
      await this.audit.record(manager, actor, {
        action: 'ADD_EVIDENCE',
        entityType: 'training_record',
        entityId: record.id,
        departmentId: record.departmentId,
        changes: diffForAudit(null, {
          evidenceFileId: evidence.id,
          fileName: evidence.fileName,
          mediaType,
          sizeBytes: evidence.sizeBytes,
          sha256,
        }),
      });
      // Last, inside the transaction: a failed write rolls the row back. A commit that fails
      // after it leaves an unreferenced, content-addressed file, which is harmless.
      await this.store.write(sha256, content);
      return evidence;
    });
  }

  async evidenceContent(
    id: string,
    fileId: string,
    actor: Actor,
  ): Promise<{ file: EvidenceFile; content: Buffer }> {
    const record = await this.findVisible(this.dataSource.manager, id, actor);
    const file = await this.dataSource
      .getRepository(EvidenceFile)
      .findOneBy({ id: fileId, trainingRecordId: record.id });
    if (!file) throw DomainError.notFound('Evidence file');
    return { file, content: await this.store.read(file.sha256) };
  }

  private async findVisible(
    manager: EntityManager,
    id: string,
    actor: Actor,
    options: { lock?: boolean } = {},
  ): Promise<TrainingRecord> {
    return findVisibleEmployeeRecord(
      manager,
      TrainingRecord,
      id,
      actor,
      'Training record',
      options,
    );
  }

  private assertReviewable(record: TrainingRecord, actor: Actor): void {
    if (isOwn(actor.user, record)) {
      throw new DomainError('FORBIDDEN', 'Nobody reviews their own training');
    }
    if (record.status !== 'REPORTED') {
      throw new DomainError(
        'TRANSITION_NOT_ALLOWED',
        `The record is ${record.status}; only a REPORTED record can be verified or rejected`,
        [],
        { currentStatus: record.status },
      );
    }
  }

  private async applyReview(
    manager: EntityManager,
    record: TrainingRecord,
    actor: Actor,
    action: 'VERIFY' | 'REJECT',
    reason?: string,
  ): Promise<TrainingRecord> {
    const before = auditView(record);
    if (action === 'VERIFY') {
      record.status = 'VERIFIED';
      record.verifiedBy = actor.user.id;
      record.verifiedAt = new Date();
    } else {
      record.status = 'REJECTED';
      record.rejectionReason = reason ?? null;
    }
    await manager.save(record);
    await this.audit.record(manager, actor, {
      action,
      entityType: 'training_record',
      entityId: record.id,
      departmentId: record.departmentId,
      changes: diffForAudit(before, auditView(record)),
    });
    return record;
  }

  private async isPlanActivityOf(
    manager: EntityManager,
    activityId: string,
    employeeId: string,
  ): Promise<boolean> {
    return manager
      .getRepository(PlanActivity)
      .createQueryBuilder('a')
      .innerJoin('a.plan', 'p')
      .where('a.id = :activityId', { activityId })
      .andWhere('p.employee_id = :employeeId', { employeeId })
      .getExists();
  }

  /** The employee's state-time hours that fiscal year that still count (not REJECTED). */
  private async stateTimeHours(
    manager: EntityManager,
    employeeId: string,
    fiscalYear: string,
  ): Promise<number> {
    const rows: { total: string | null }[] = await manager.query(
      `SELECT COALESCE(SUM(hours), 0) AS total FROM training_records
        WHERE employee_id = $1 AND fiscal_year = $2 AND on_state_time AND status <> 'REJECTED'`,
      [employeeId, fiscalYear],
    );
    return Number(rows[0]?.total ?? 0);
  }
}

export function evidenceTooLarge(): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `Evidence files may be at most ${MAX_EVIDENCE_BYTES / (1024 * 1024)} MB`,
    [{ field: 'file', message: `must be at most ${MAX_EVIDENCE_BYTES} bytes` }],
    { maxBytes: MAX_EVIDENCE_BYTES },
  );
}
