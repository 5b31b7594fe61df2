import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { systemActor } from '../../common/auth/auth-user';
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
      const thisYear = fiscalYearOf(new Date().toISOString().slice(0, 10));
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

      const credentials: DemoCredential[] = [];
      for (const demoUser of DEMO_USERS) {
        const password = randomBytes(9).toString('base64url');
        const user = await manager.save(
          manager.create(User, {
            email: demoUser.email,
            displayName: demoUser.displayName,
            role: demoUser.role,
            departmentId: demoUser.inDepartment ? department.id : null,
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
}
