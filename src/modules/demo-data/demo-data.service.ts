import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Appointment } from '../appointments/appointment.entity';
import { Employee } from '../employees/employee.entity';
import { demoRoster } from './demo-roster';
import { seedDemoRuleSets } from '../eligibility/demo-rule-sets.seed';
import { systemActor } from '../../common/auth/auth-user';
import type { Actor } from '../../common/auth/auth-user';
import type { Role } from '../../common/auth/role';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { User } from '../users/user.entity';
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import { DEMO_CATALOG, DEMO_DEPARTMENT, DEMO_DESIGNATIONS } from './demo-catalog';
import { UmDesignationRecord } from '../classifications/um-designation.entity';
import { fiscalYearOf, previousFiscalYear } from '../program-calendar/fiscal-year.rule';
import { programToday } from '../program-calendar/program-date';

export interface DemoCredential {
  role: Role;
  email: string;
  password: string;
}

export interface DemoSeedResult {
  created: boolean;
  departmentCode: string;
  /** Only when just created: printed once at start-up, never stored in clear. */
  credentials: DemoCredential[];
}

/** Employees besides the demo supervisor and employee. */
const DEMO_ROSTER_SIZE = 120;
const MANAGER_CLASS = '4800';
const SAMS_TEAM_CLASSES: ReadonlySet<string> = new Set(['1441', '1138', '1434', '9928']);

const DEMO_USERS: { role: Role; email: string; displayName: string; inDepartment: boolean }[] = [
  {
    role: 'ADMIN',
    email: 'admin@demo.um.ca.gov',
    displayName: 'Demo Administrator',
    inDepartment: false,
  },
  {
    role: 'COORDINATOR',
    email: 'coordinator@demo.um.ca.gov',
    displayName: 'Dana Coordinator',
    inDepartment: true,
  },
  {
    role: 'SUPERVISOR',
    email: 'supervisor@demo.um.ca.gov',
    displayName: 'Sam Supervisor',
    inDepartment: true,
  },
  {
    role: 'EMPLOYEE',
    email: 'employee@demo.um.ca.gov',
    displayName: 'Eli Employee',
    inDepartment: true,
  },
  {
    role: 'AUDITOR',
    email: 'auditor@demo.um.ca.gov',
    displayName: 'Ari Auditor (CalHR)',
    inDepartment: false,
  },
];

/** Loads the demonstration department the first time the service starts with DEMO_DATA on. */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seedIfEmpty(): Promise<DemoSeedResult> {
    return this.dataSource.transaction(async (manager) => {
      // Serialize concurrent first starts against the same database.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['demo-data-seed']);
      if (await manager.existsBy(Department, { code: DEMO_DEPARTMENT.code })) {
        return { created: false, departmentCode: DEMO_DEPARTMENT.code, credentials: [] };
      }
      const actor = systemActor('demo-data');
      const department = await manager.save(manager.create(Department, DEMO_DEPARTMENT));
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'department',
        entityId: department.id,
        departmentId: department.id,
        changes: diffForAudit(null, { ...DEMO_DEPARTMENT }),
      });
      const known = new Set((await manager.find(Classification)).map((c) => c.classCode));
      const missing = DEMO_CATALOG.filter((entry) => !known.has(entry.classCode)).map((entry) =>
        manager.create(Classification, {
          ...entry,
          salaryLow: entry.salaryLow.toFixed(2),
          salaryHigh: entry.salaryHigh.toFixed(2),
        }),
      );
      await manager.save(missing);
      await this.audit.record(
        manager,
        actor,
        missing.map((classification) => ({
          action: 'CREATE',
          entityType: 'classification',
          entityId: classification.id,
          departmentId: null,
          changes: diffForAudit(null, {
            classCode: classification.classCode,
            title: classification.title,
          }),
        })),
      );

      const catalog = new Map(
        (await manager.find(Classification)).map((classification) => [
          classification.classCode,
          classification.id,
        ]),
      );
      const thisYear = fiscalYearOf(programToday());
      const years = [
        previousFiscalYear(previousFiscalYear(thisYear)),
        previousFiscalYear(thisYear),
        thisYear,
      ];
      await manager.insert(
        UmDesignationRecord,
        years.flatMap((fiscalYear) =>
          DEMO_DESIGNATIONS.map((item) => ({
            departmentId: department.id,
            fiscalYear,
            classificationId: catalog.get(item.classCode)!,
            designation: item.designation,
            ladderTargetClassCodes: item.ladderTargetClassCodes,
          })),
        ),
      );
      await this.audit.record(
        manager,
        actor,
        years.map((fiscalYear) => ({
          action: 'REPLACE_DESIGNATIONS',
          entityType: 'um_designations',
          entityId: `${department.id}:${fiscalYear}`,
          departmentId: department.id,
          changes: { count: { old: 0, new: DEMO_DESIGNATIONS.length } },
        })),
      );

      const employeeIds = await this.seedEmployees(manager, department.id, catalog, actor);
      const ruleSets = await seedDemoRuleSets(manager);
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'eligibility_rule_set',
        entityId: null,
        departmentId: null,
        changes: { illustrativeDemoRuleSets: { old: 0, new: ruleSets } },
      });

      const credentials: DemoCredential[] = [];
      for (const demoUser of DEMO_USERS) {
        const password = randomBytes(9).toString('base64url');
        const user = await manager.save(
          manager.create(User, {
            email: demoUser.email,
            displayName: demoUser.displayName,
            role: demoUser.role,
            departmentId: demoUser.inDepartment ? department.id : null,
            employeeId:
              demoUser.role === 'SUPERVISOR'
                ? employeeIds.supervisor
                : demoUser.role === 'EMPLOYEE'
                  ? employeeIds.employee
                  : null,
            passwordHash: await hashPassword(password),
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'CREATE',
          entityType: 'user',
          entityId: user.id,
          departmentId: user.departmentId,
          changes: diffForAudit(null, { email: user.email, role: user.role }),
        });
        credentials.push({ role: demoUser.role, email: demoUser.email, password });
      }
      return { created: true, departmentCode: DEMO_DEPARTMENT.code, credentials };
    });
  }

  /**
   * The demo roster, plus the records of the demo SUPERVISOR (an office services supervisor with
   * a team of LPEL staff) and the demo EMPLOYEE (an Office Technician on that team).
   */
  private async seedEmployees(
    manager: EntityManager,
    departmentId: string,
    catalog: Map<string, string>,
    actor: Actor,
  ): Promise<{ supervisor: string; employee: string }> {
    const base = { departmentId, status: 'ACTIVE' as const, licenses: [] };
    const supervisor = await manager.save(
      manager.create(Employee, {
        ...base,
        employeeNumber: 'D900000',
        firstName: 'Sam',
        lastName: 'Supervisor',
        workEmail: 'supervisor@demo.um.ca.gov',
        classificationId: catalog.get('1150')!,
        hireDate: '2011-03-01',
        educationLevel: 'ASSOCIATE',
        collegeSemesterUnits: '60.0',
      }),
    );
    const roster = demoRoster(DEMO_ROSTER_SIZE);
    const rows = roster.map((spec, index) => ({
      ...base,
      employeeNumber: spec.employeeNumber,
      firstName: spec.firstName,
      lastName: spec.lastName,
      classificationId: catalog.get(spec.classCode)!,
      hireDate: spec.hireDate,
      timeBase: spec.timeBase,
      timeBaseFraction: spec.timeBaseFraction.toFixed(3),
      educationLevel: spec.educationLevel,
      collegeSemesterUnits: spec.collegeSemesterUnits.toFixed(1),
      ethnicities: spec.ethnicities,
      gender: spec.gender,
      disability: spec.disability,
      veteran: spec.veteran,
      index,
    }));
    const employee = await manager.save(
      manager.create(Employee, {
        ...base,
        employeeNumber: 'D900001',
        firstName: 'Eli',
        lastName: 'Employee',
        workEmail: 'employee@demo.um.ca.gov',
        classificationId: catalog.get('1138')!,
        hireDate: '2019-08-12',
        supervisorId: supervisor.id,
        educationLevel: 'HIGH_SCHOOL',
        collegeSemesterUnits: '18.0',
        ethnicities: ['FILIPINO'],
        gender: 'FEMALE',
        disability: 'NO',
        veteran: 'NO',
      }),
    );
    const onSamsTeam = (index: number) =>
      SAMS_TEAM_CLASSES.has(roster[index].classCode) && index % 3 === 0;
    const managerIds: string[] = [];
    const saved = await manager.save(
      rows.map(({ index: _index, ...row }) => manager.create(Employee, row)),
    );
    saved.forEach((entity, index) => {
      if (roster[index].classCode === MANAGER_CLASS) managerIds.push(entity.id);
    });
    // Managers lead the department; some office staff are on Sam's team.
    saved.forEach((entity, index) => {
      if (roster[index].classCode === MANAGER_CLASS) return;
      entity.supervisorId = onSamsTeam(index)
        ? supervisor.id
        : (managerIds[index % Math.max(managerIds.length, 1)] ?? supervisor.id);
    });
    await manager.save(saved);
    const everyone = [supervisor, employee, ...saved];
    await manager.insert(
      Appointment,
      everyone.map((e) => ({
        employeeId: e.id,
        departmentId,
        effectiveDate: e.hireDate,
        type: 'HIRE' as const,
        fromClassificationId: null,
        toClassificationId: e.classificationId,
        timeBaseFraction: e.timeBaseFraction,
      })),
    );
    await this.audit.record(
      manager,
      actor,
      everyone.map((e) => ({
        action: 'CREATE',
        entityType: 'employee',
        entityId: e.id,
        departmentId,
        changes: diffForAudit(null, {
          employeeNumber: e.employeeNumber,
          classificationId: e.classificationId,
          ethnicities: e.ethnicities,
          gender: e.gender,
        }),
      })),
    );
    return { supervisor: supervisor.id, employee: employee.id };
  }
}
