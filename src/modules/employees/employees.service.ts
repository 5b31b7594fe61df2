import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { programToday } from '../program-calendar/program-date';
import type { SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import { escapeLike } from '../users/users.service';
import {
  canUseSelfIdentification,
  demographicReadsToAudit,
  ethnicityProblems,
} from './demographics.rule';
import { findVisibleEmployee, scopeToVisibleEmployees } from './employee-access';
import { employmentStatusProblems, resolveTimeBase } from './employee-record.rule';
import { Employee } from './employee.entity';
import type {
  CreateEmployeeDto,
  EmployeeQueryDto,
  EmployeeSortField,
  SelfIdentificationDto,
  UpdateEmployeeDto,
} from './employees.dto';

/** What the audit log keeps of an employee (demographic values are masked by diffForAudit). */
export function employeeAuditView(employee: Employee): Record<string, unknown> {
  return {
    departmentId: employee.departmentId,
    employeeNumber: employee.employeeNumber,
    firstName: employee.firstName,
    lastName: employee.lastName,
    workEmail: employee.workEmail,
    classificationId: employee.classificationId,
    positionNumber: employee.positionNumber,
    timeBase: employee.timeBase,
    timeBaseFraction: Number(employee.timeBaseFraction),
    hireDate: employee.hireDate,
    supervisorId: employee.supervisorId,
    status: employee.status,
    separatedOn: employee.separatedOn,
    educationLevel: employee.educationLevel,
    collegeSemesterUnits: Number(employee.collegeSemesterUnits),
    licenses: employee.licenses,
    ethnicities: employee.ethnicities,
    gender: employee.gender,
    disability: employee.disability,
    veteran: employee.veteran,
  };
}

const SORT_COLUMNS: Record<EmployeeSortField, string> = {
  lastName: 'employee.lastName',
  firstName: 'employee.firstName',
  employeeNumber: 'employee.employeeNumber',
  hireDate: 'employee.hireDate',
  classCode: 'classification.classCode',
  createdAt: 'employee.createdAt',
};

@Injectable()
export class EmployeesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Employees with their class, limited to what the caller may see. */
  private visibleQuery(manager: EntityManager, actor: Actor): SelectQueryBuilder<Employee> {
    const query = manager
      .getRepository(Employee)
      .createQueryBuilder('employee')
      .innerJoinAndSelect('employee.classification', 'classification');
    return scopeToVisibleEmployees(query, actor.user, 'employee.id');
  }

  async list(query: EmployeeQueryDto, actor: Actor): Promise<Page<Employee>> {
    const builder = this.visibleQuery(this.dataSource.manager, actor);
    if (query.departmentId) {
      builder.andWhere('employee.department_id = :departmentId', {
        departmentId: query.departmentId,
      });
    }
    if (query.classCode) {
      builder.andWhere('classification.class_code = :classCode', { classCode: query.classCode });
    }
    if (query.status) builder.andWhere('employee.status = :status', { status: query.status });
    if (query.supervisorId) {
      builder.andWhere('employee.supervisor_id = :supervisorId', {
        supervisorId: query.supervisorId,
      });
    }
    if (query.q) {
      builder.andWhere(
        `(employee.first_name ILIKE :q OR employee.last_name ILIKE :q OR employee.employee_number ILIKE :q
          OR (employee.first_name || ' ' || employee.last_name) ILIKE :q)`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    if (query.designation) {
      // The designation in force today, as designationAt decides it: the class's entry for the
      // latest fiscal year not after the current one (labels `YYYY-YY` sort as text).
      // One set of (department, class) pairs, joined by hash: not a subquery per employee, which
      // made a 60,000-employee department's list take seconds.
      const inForce = `SELECT department_id, classification_id FROM (
          SELECT DISTINCT ON (d.department_id, d.classification_id)
                 d.department_id, d.classification_id, d.designation::text AS designation
            FROM um_designations d WHERE d.fiscal_year <= :currentFiscalYear
           ORDER BY d.department_id, d.classification_id, d.fiscal_year DESC) current`;
      builder.andWhere(
        query.designation === 'NONE'
          ? `(employee.department_id, employee.classification_id) NOT IN (${inForce} WHERE designation <> 'NONE')`
          : `(employee.department_id, employee.classification_id) IN (${inForce} WHERE designation = :designation)`,
        { currentFiscalYear: fiscalYearOf(programToday()), designation: query.designation },
      );
    }
    const [items, total] = await builder
      .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('employee.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    await this.auditDemographicReads(items, actor);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, actor: Actor): Promise<Employee> {
    const employee = await this.load(this.dataSource.manager, id, actor);
    await this.auditDemographicReads([employee], actor);
    return employee;
  }

  async create(input: CreateEmployeeDto, actor: Actor): Promise<Employee> {
    const departmentId = this.departmentForCreate(input, actor);
    return this.dataSource.transaction(async (manager) => {
      const problems: FieldProblem[] = [];
      if (!(await manager.existsBy(Department, { id: departmentId }))) {
        problems.push({ field: 'departmentId', message: 'No such department' });
      }
      const classification = await this.resolveClass(manager, input, problems);
      if (input.supervisorId) {
        problems.push(
          ...(await this.supervisorProblems(manager, departmentId, input.supervisorId)),
        );
      }
      const timeBase = input.timeBase ?? 'FULL_TIME';
      const resolved = resolveTimeBase(timeBase, input.timeBaseFraction);
      if (!resolved.ok) problems.push(resolved.problem);
      const status = input.status ?? 'ACTIVE';
      const separatedOn = input.separatedOn ?? null;
      problems.push(...employmentStatusProblems({ status, separatedOn, hireDate: input.hireDate }));
      problems.push(...ethnicityProblems(input.ethnicities));
      if (problems.length > 0 || !classification || !resolved.ok) {
        throw DomainError.validation(problems);
      }
      await this.assertNumberFree(manager, departmentId, input.employeeNumber, null);

      const employee = manager.create(Employee, {
        departmentId,
        employeeNumber: input.employeeNumber,
        firstName: input.firstName,
        lastName: input.lastName,
        workEmail: input.workEmail ?? null,
        classificationId: classification.id,
        positionNumber: input.positionNumber ?? null,
        timeBase,
        timeBaseFraction: resolved.fraction.toFixed(3),
        hireDate: input.hireDate,
        supervisorId: input.supervisorId ?? null,
        status,
        separatedOn,
        educationLevel: input.educationLevel ?? null,
        collegeSemesterUnits: (input.collegeSemesterUnits ?? 0).toFixed(1),
        licenses: input.licenses ?? [],
        ethnicities: input.ethnicities ?? null,
        gender: input.gender ?? null,
        disability: input.disability ?? null,
        veteran: input.veteran ?? null,
      });
      await this.saveUnique(manager, employee);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'employee',
        entityId: employee.id,
        departmentId,
        changes: diffForAudit(null, employeeAuditView(employee)),
      });
      const saved = await this.load(manager, employee.id, actor);
      await this.auditDemographicReads([saved], actor, manager);
      return saved;
    });
  }

  async update(id: string, input: UpdateEmployeeDto, actor: Actor): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, id, actor, { lock: true });
      if (input.version !== undefined && input.version !== employee.version) {
        throw new DomainError(
          'VERSION_CONFLICT',
          'The employee was changed since it was read',
          [
            {
              field: 'version',
              message: `is ${input.version}, the record is at ${employee.version}`,
            },
          ],
          { currentVersion: employee.version },
        );
      }
      const before = employeeAuditView(employee);
      const problems: FieldProblem[] = [];

      if (input.supervisorId !== undefined && input.supervisorId !== null) {
        problems.push(
          ...(await this.supervisorProblems(
            manager,
            employee.departmentId,
            input.supervisorId,
            employee.id,
          )),
        );
      }
      if (input.timeBase !== undefined || input.timeBaseFraction !== undefined) {
        const timeBase = input.timeBase ?? employee.timeBase;
        const resolved = resolveTimeBase(timeBase, input.timeBaseFraction);
        if (resolved.ok) {
          employee.timeBase = timeBase;
          employee.timeBaseFraction = resolved.fraction.toFixed(3);
        } else {
          problems.push(resolved.problem);
        }
      }
      if (input.status !== undefined) employee.status = input.status;
      if (input.separatedOn !== undefined) employee.separatedOn = input.separatedOn;
      if (input.hireDate !== undefined) employee.hireDate = input.hireDate;
      if (
        input.status !== undefined ||
        input.separatedOn !== undefined ||
        input.hireDate !== undefined
      ) {
        problems.push(...employmentStatusProblems(employee));
      }
      problems.push(...ethnicityProblems(input.ethnicities));
      if (problems.length > 0) throw DomainError.validation(problems);
      if (input.employeeNumber !== undefined && input.employeeNumber !== employee.employeeNumber) {
        await this.assertNumberFree(manager, employee.departmentId, input.employeeNumber, id);
        employee.employeeNumber = input.employeeNumber;
      }

      if (input.firstName !== undefined) employee.firstName = input.firstName;
      if (input.lastName !== undefined) employee.lastName = input.lastName;
      if (input.workEmail !== undefined) employee.workEmail = input.workEmail;
      if (input.positionNumber !== undefined) employee.positionNumber = input.positionNumber;
      if (input.supervisorId !== undefined) employee.supervisorId = input.supervisorId;
      if (input.educationLevel !== undefined) employee.educationLevel = input.educationLevel;
      if (input.collegeSemesterUnits !== undefined) {
        employee.collegeSemesterUnits = input.collegeSemesterUnits.toFixed(1);
      }
      if (input.licenses !== undefined) employee.licenses = input.licenses;
      if (input.ethnicities !== undefined) employee.ethnicities = input.ethnicities;
      if (input.gender !== undefined) employee.gender = input.gender;
      if (input.disability !== undefined) employee.disability = input.disability;
      if (input.veteran !== undefined) employee.veteran = input.veteran;

      const changes = diffForAudit(before, employeeAuditView(employee));
      if (Object.keys(changes).length > 0) {
        await this.saveUnique(manager, employee);
        await this.audit.record(manager, actor, {
          action: 'UPDATE',
          entityType: 'employee',
          entityId: employee.id,
          departmentId: employee.departmentId,
          changes,
        });
      }
      const saved = await this.load(manager, employee.id, actor);
      await this.auditDemographicReads([saved], actor, manager);
      return saved;
    });
  }

  /** The owner, ADMIN or the department's COORDINATOR; reading someone else's is audited. */
  async getSelfIdentification(id: string, actor: Actor): Promise<Employee> {
    const employee = await findVisibleEmployee(this.dataSource.manager, id, actor);
    this.assertMayUseSelfIdentification(employee, actor);
    await this.auditDemographicReads([employee], actor);
    return employee;
  }

  /**
   * Replaces the four answers as a whole (PUT): an omitted field becomes `null`, "not
   * answered". Declining is an answer (DECLINED) and never blocks anything.
   */
  async replaceSelfIdentification(
    id: string,
    input: SelfIdentificationDto,
    actor: Actor,
  ): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await findVisibleEmployee(manager, id, actor, { lock: true });
      this.assertMayUseSelfIdentification(employee, actor);
      const problems = ethnicityProblems(input.ethnicities);
      if (problems.length > 0) throw DomainError.validation(problems);
      const before = employeeAuditView(employee);
      employee.ethnicities = input.ethnicities ?? null;
      employee.gender = input.gender ?? null;
      employee.disability = input.disability ?? null;
      employee.veteran = input.veteran ?? null;
      const changes = diffForAudit(before, employeeAuditView(employee));
      if (Object.keys(changes).length > 0) {
        await manager.save(employee);
        await this.audit.record(manager, actor, {
          action: 'UPDATE_SELF_IDENTIFICATION',
          entityType: 'employee',
          entityId: employee.id,
          departmentId: employee.departmentId,
          changes,
        });
      }
      return employee;
    });
  }

  /**
   * One `READ_DEMOGRAPHICS` entry per request listing whose answers were sent (own records are
   * not listed). A read has no transaction to join, so it gets its own; a create or update
   * passes its transaction, as its response carries the record with its answers too.
   */
  private async auditDemographicReads(
    employees: readonly Employee[],
    actor: Actor,
    manager?: EntityManager,
  ): Promise<void> {
    const ids = demographicReadsToAudit(actor.user, employees);
    if (ids.length === 0) return;
    const read = new Set(ids);
    const departments = [
      ...new Set(employees.filter((e) => read.has(e.id)).map((e) => e.departmentId)),
    ];
    const record = (into: EntityManager) =>
      this.audit.record(into, actor, {
        action: 'READ_DEMOGRAPHICS',
        entityType: 'employee',
        entityId: ids.length === 1 ? ids[0] : null,
        departmentId: departments.length === 1 ? departments[0] : null,
        changes: { employeeIds: ids },
      });
    if (manager) await record(manager);
    else await this.dataSource.transaction(record);
  }

  private assertMayUseSelfIdentification(employee: Employee, actor: Actor): void {
    if (!canUseSelfIdentification(actor.user, employee)) {
      throw new DomainError(
        'FORBIDDEN',
        "Only the employee, ADMIN and the department's COORDINATOR may see self-identification",
      );
    }
  }

  private async load(manager: EntityManager, id: string, actor: Actor): Promise<Employee> {
    const employee = await this.visibleQuery(manager, actor)
      .andWhere('employee.id = :id', { id })
      .getOne();
    if (!employee) throw DomainError.notFound('Employee');
    return employee;
  }

  /** ADMIN names the department; a COORDINATOR creates in their own (403 for another). */
  private departmentForCreate(input: CreateEmployeeDto, actor: Actor): string {
    const { user } = actor;
    if (user.role === 'COORDINATOR') {
      if (!user.departmentId) throw new DomainError('FORBIDDEN', 'No department assigned');
      if (input.departmentId !== undefined && input.departmentId !== user.departmentId) {
        throw new DomainError(
          'FORBIDDEN',
          'A COORDINATOR creates employees in their own department only',
          [{ field: 'departmentId', message: 'must be your own department' }],
        );
      }
      return user.departmentId;
    }
    if (!input.departmentId) {
      throw DomainError.validation([{ field: 'departmentId', message: 'is required' }]);
    }
    return input.departmentId;
  }

  /** The class named by classCode or classificationId (both may be sent if they agree). */
  private async resolveClass(
    manager: EntityManager,
    input: { classCode?: string; classificationId?: string },
    problems: FieldProblem[],
  ): Promise<Classification | null> {
    if (input.classCode === undefined && input.classificationId === undefined) {
      problems.push({ field: 'classCode', message: 'classCode or classificationId is required' });
      return null;
    }
    const byCode =
      input.classCode === undefined
        ? null
        : await manager.findOneBy(Classification, { classCode: input.classCode });
    const byId =
      input.classificationId === undefined
        ? null
        : await manager.findOneBy(Classification, { id: input.classificationId });
    if (input.classCode !== undefined && !byCode) {
      problems.push({ field: 'classCode', message: `unknown class ${input.classCode}` });
    }
    if (input.classificationId !== undefined && !byId) {
      problems.push({ field: 'classificationId', message: 'No such classification' });
    }
    if (byCode && byId && byCode.id !== byId.id) {
      problems.push({
        field: 'classificationId',
        message: `is not the class ${input.classCode ?? ''}`,
      });
      return null;
    }
    return byCode ?? byId;
  }

  /**
   * The supervisor is an employee of the same department, not the employee themselves, and not
   * someone who (directly or not) reports to the employee: no loops in the reporting line.
   */
  private async supervisorProblems(
    manager: EntityManager,
    departmentId: string,
    supervisorId: string,
    employeeId: string | null = null,
  ): Promise<FieldProblem[]> {
    const field = 'supervisorId';
    if (supervisorId === employeeId) {
      return [{ field, message: 'an employee cannot supervise themselves' }];
    }
    const supervisor = await manager.findOneBy(Employee, { id: supervisorId });
    if (!supervisor || supervisor.departmentId !== departmentId) {
      return [{ field, message: 'must be an employee of the same department' }];
    }
    if (employeeId !== null) {
      const chain: { id: string }[] = await manager.query(
        `WITH RECURSIVE chain(id, supervisor_id, depth) AS (
           SELECT id, supervisor_id, 0 FROM employees WHERE id = $1
           UNION ALL
           SELECT e.id, e.supervisor_id, chain.depth + 1 FROM employees e
             JOIN chain ON e.id = chain.supervisor_id WHERE chain.depth < 100
         ) SELECT id FROM chain WHERE id = $2 LIMIT 1`,
        [supervisorId, employeeId],
      );
      if (chain.length > 0) {
        return [{ field, message: 'reports to this employee: the reporting line would loop' }];
      }
    }
    return [];
  }

  private async assertNumberFree(
    manager: EntityManager,
    departmentId: string,
    employeeNumber: string,
    exceptId: string | null,
  ): Promise<void> {
    const existing = await manager.findOneBy(Employee, { departmentId, employeeNumber });
    if (existing && existing.id !== exceptId) throw duplicateNumber(employeeNumber);
  }

  private async saveUnique(manager: EntityManager, employee: Employee): Promise<void> {
    try {
      await manager.save(employee);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateNumber(employee.employeeNumber);
      throw error;
    }
  }
}

function duplicateNumber(employeeNumber: string): DomainError {
  return new DomainError('CONFLICT', `Employee number ${employeeNumber} is taken`, [
    { field: 'employeeNumber', message: 'is already used in this department' },
  ]);
}
