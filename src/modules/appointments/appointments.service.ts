import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import { UmDesignationRecord } from '../classifications/um-designation.entity';
import { findVisibleEmployee } from '../employees/employee-access';
import { timeBaseForFraction } from '../employees/employee-record.rule';
import { employeeAuditView } from '../employees/employees.service';
import { Appointment } from './appointment.entity';
import type {
  AppointmentQueryDto,
  CreateAppointmentDto,
  UpwardMovesQueryDto,
} from './appointments.dto';
import {
  applyLatestAppointment,
  classInForceOn,
  isLatestAppointment,
  isUpwardMobilityAppointmentOfType,
} from './class-history.rule';
import { ConflictingDesignationError, designationAt } from './upward-move.rule';
import type { ClassDesignation, UmDesignation } from './upward-move.rule';

export interface RecordedAppointment {
  appointment: Appointment;
  appliedToEmployee: boolean;
}

export interface UpwardMovesReport {
  departmentId: string;
  from: string;
  to: string;
  total: number;
  byTargetClass: { classCode: string; title: string; count: number }[];
  /** Only when the caller may see who moved (the department's COORDINATOR). */
  moves?: {
    appointmentId: string;
    employeeId: string;
    employeeNumber: string;
    firstName: string;
    lastName: string;
    effectiveDate: string;
    type: Appointment['type'];
    fromClassCode: string | null;
    toClassCode: string;
    fromDesignation: UmDesignation;
  }[];
}

function auditView(appointment: Appointment): Record<string, unknown> {
  return {
    employeeId: appointment.employeeId,
    effectiveDate: appointment.effectiveDate,
    type: appointment.type,
    fromClassificationId: appointment.fromClassificationId,
    toClassificationId: appointment.toClassificationId,
    timeBaseFraction: Number(appointment.timeBaseFraction),
    fromDesignation: appointment.fromDesignation,
    toDesignation: appointment.toDesignation,
    isUpwardMobilityMove: appointment.isUpwardMobilityMove,
    notes: appointment.notes,
  };
}

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The class history of an employee the caller may see, in effective-date order. */
  async list(
    employeeId: string,
    query: AppointmentQueryDto,
    actor: Actor,
  ): Promise<Page<Appointment>> {
    await findVisibleEmployee(this.dataSource.manager, employeeId, actor);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const builder = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .leftJoinAndSelect('appointment.fromClassification', 'fromClassification')
      .leftJoinAndSelect('appointment.toClassification', 'toClassification')
      .where('appointment.employee_id = :employeeId', { employeeId });
    if (query.type) builder.andWhere('appointment.type = :type', { type: query.type });
    const [items, total] = await builder
      .orderBy('appointment.effectiveDate', direction)
      .addOrderBy('appointment.createdAt', direction)
      .addOrderBy('appointment.id', direction)
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Records one step of the class history. Its from class is the class in force on its date,
   * its designations those in force then (designationAt over the department's um_designations).
   * Only the latest appointment changes the employee (see class-history.rule.ts); both the
   * appointment and that change are audited in the same transaction.
   */
  async create(
    employeeId: string,
    input: CreateAppointmentDto,
    actor: Actor,
  ): Promise<RecordedAppointment> {
    const shape: FieldProblem[] = [];
    if (input.type === 'SEPARATION' && input.toClassCode !== undefined) {
      shape.push({ field: 'toClassCode', message: 'must be omitted for a SEPARATION' });
    }
    if (input.type !== 'SEPARATION' && input.toClassCode === undefined) {
      shape.push({ field: 'toClassCode', message: `is required for a ${input.type}` });
    }
    if (shape.length > 0) throw DomainError.validation(shape);

    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, employeeId, actor, { lock: true });
      const problems: FieldProblem[] = [];
      const toClass =
        input.toClassCode === undefined
          ? null
          : await manager.findOneBy(Classification, { classCode: input.toClassCode });
      if (input.toClassCode !== undefined && !toClass) {
        problems.push({ field: 'toClassCode', message: `unknown class ${input.toClassCode}` });
      }
      if (input.type !== 'HIRE' && input.effectiveDate < employee.hireDate) {
        problems.push({
          field: 'effectiveDate',
          message: `must not be before the hire date ${employee.hireDate}`,
        });
      }
      if (problems.length > 0) throw DomainError.validation(problems);

      const history = await manager.find(Appointment, {
        where: { employeeId },
        order: { effectiveDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
      });
      const latest = isLatestAppointment(history, input.effectiveDate);
      // A hire comes from outside the department's classes; anything else from the class held.
      const fromClassId =
        input.type === 'HIRE'
          ? null
          : classInForceOn(history, employee.classificationId, input.effectiveDate);
      const fromClass =
        fromClassId === null ? null : await manager.findOneBy(Classification, { id: fromClassId });

      const designations = await this.designationsOf(
        manager,
        employee.departmentId,
        [fromClass, toClass].filter((c): c is Classification => c !== null).map((c) => c.id),
      );
      const fromDesignation = this.designation(designations, fromClass, input.effectiveDate);
      const toDesignation = this.designation(designations, toClass, input.effectiveDate);

      const fraction = input.timeBaseFraction ?? Number(employee.timeBaseFraction);
      const appointment = manager.create(Appointment, {
        employeeId,
        departmentId: employee.departmentId,
        effectiveDate: input.effectiveDate,
        type: input.type,
        fromClassificationId: fromClass?.id ?? null,
        toClassificationId: toClass?.id ?? null,
        timeBaseFraction: fraction.toFixed(3),
        fromDesignation,
        toDesignation,
        isUpwardMobilityMove: isUpwardMobilityAppointmentOfType(
          input.type,
          fromDesignation,
          toDesignation,
        ),
        notes: input.notes ?? null,
      });

      let employeeChanges: ReturnType<typeof diffForAudit> = {};
      if (latest) {
        const effect = applyLatestAppointment(employee, {
          type: input.type,
          effectiveDate: input.effectiveDate,
          toClassificationId: toClass?.id ?? null,
        });
        if (!effect.ok) {
          throw new DomainError('RULE_VIOLATION', effect.message, [
            { field: 'type', message: effect.message },
          ]);
        }
        const before = employeeAuditView(employee);
        Object.assign(employee, effect.employment);
        if (input.timeBaseFraction !== undefined) {
          employee.timeBase = timeBaseForFraction(input.timeBaseFraction);
          employee.timeBaseFraction = input.timeBaseFraction.toFixed(3);
        }
        employeeChanges = diffForAudit(before, employeeAuditView(employee));
      }

      await manager.save(appointment);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'appointment',
        entityId: appointment.id,
        departmentId: employee.departmentId,
        changes: diffForAudit(null, auditView(appointment)),
      });
      if (Object.keys(employeeChanges).length > 0) {
        await manager.save(employee);
        await this.audit.record(manager, actor, {
          action: 'UPDATE',
          entityType: 'employee',
          entityId: employee.id,
          departmentId: employee.departmentId,
          changes: employeeChanges,
        });
      }
      appointment.fromClassification = fromClass ?? undefined;
      appointment.toClassification = toClass ?? undefined;
      return { appointment, appliedToEmployee: latest };
    });
  }

  /**
   * Upward mobility moves of a department with an effective date in [from, to], by target
   * class. Names only for the department's COORDINATOR; ADMIN and AUDITOR get counts.
   */
  async upwardMoves(
    departmentId: string,
    query: UpwardMovesQueryDto,
    actor: Actor,
  ): Promise<UpwardMovesReport> {
    if (query.to < query.from) {
      throw DomainError.validation([{ field: 'to', message: 'must not be before from' }]);
    }
    const scope = readableDepartmentId(actor.user);
    if (
      (scope !== null && scope !== departmentId) ||
      !(await this.dataSource.manager.existsBy(Department, { id: departmentId }))
    ) {
      throw DomainError.notFound('Department');
    }
    const moves = await this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .innerJoinAndSelect('appointment.toClassification', 'toClassification')
      .leftJoinAndSelect('appointment.fromClassification', 'fromClassification')
      .innerJoinAndSelect('appointment.employee', 'employee')
      .where('appointment.department_id = :departmentId', { departmentId })
      .andWhere('appointment.is_upward_mobility_move = TRUE')
      .andWhere('appointment.effective_date BETWEEN :from AND :to', {
        from: query.from,
        to: query.to,
      })
      .orderBy('appointment.effectiveDate', 'ASC')
      .addOrderBy('appointment.createdAt', 'ASC')
      .getMany();

    const byClass = new Map<string, { classCode: string; title: string; count: number }>();
    for (const move of moves) {
      const target = move.toClassification!;
      const entry = byClass.get(target.classCode) ?? {
        classCode: target.classCode,
        title: target.title,
        count: 0,
      };
      entry.count += 1;
      byClass.set(target.classCode, entry);
    }
    const report: UpwardMovesReport = {
      departmentId,
      from: query.from,
      to: query.to,
      total: moves.length,
      byTargetClass: [...byClass.values()].sort((a, b) => a.classCode.localeCompare(b.classCode)),
    };
    if (actor.user.role !== 'COORDINATOR') return report;
    return {
      ...report,
      moves: moves.map((move) => ({
        appointmentId: move.id,
        employeeId: move.employeeId,
        employeeNumber: move.employee!.employeeNumber,
        firstName: move.employee!.firstName,
        lastName: move.employee!.lastName,
        effectiveDate: move.effectiveDate,
        type: move.type,
        fromClassCode: move.fromClassification?.classCode ?? null,
        toClassCode: move.toClassification!.classCode,
        fromDesignation: move.fromDesignation as UmDesignation,
      })),
    };
  }

  private async designationsOf(
    manager: EntityManager,
    departmentId: string,
    classificationIds: string[],
  ): Promise<ClassDesignation[]> {
    if (classificationIds.length === 0) return [];
    const records = await manager.find(UmDesignationRecord, {
      where: { departmentId, classificationId: In(classificationIds) },
      relations: { classification: true },
    });
    return records.map((record) => ({
      classCode: record.classification!.classCode,
      fiscalYear: record.fiscalYear,
      designation: record.designation,
    }));
  }

  private designation(
    designations: ClassDesignation[],
    classification: Classification | null,
    date: string,
  ): UmDesignation {
    if (!classification) return 'NONE';
    try {
      return designationAt(designations, classification.classCode, date);
    } catch (error) {
      if (error instanceof ConflictingDesignationError) {
        throw new DomainError('RULE_VIOLATION', error.message);
      }
      throw error;
    }
  }
}
