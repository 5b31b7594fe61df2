import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { Role } from '../../src/common/auth/role';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { Classification } from '../../src/modules/classifications/classification.entity';
import { Department } from '../../src/modules/departments/department.entity';
import { Employee } from '../../src/modules/employees/employee.entity';
import { User } from '../../src/modules/users/user.entity';

export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;
const sharedHash = (): Promise<string> => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function makeDepartment(
  dataSource: DataSource,
  overrides: Partial<Department> = {},
): Promise<Department> {
  const code = overrides.code ?? `D${randomUUID().slice(0, 8).toUpperCase()}`;
  return dataSource
    .getRepository(Department)
    .save(
      dataSource
        .getRepository(Department)
        .create({ code, name: `Department ${code}`, ...overrides }),
    );
}

export async function makeUser(
  dataSource: DataSource,
  role: Role,
  overrides: Partial<User> = {},
): Promise<User> {
  const repository = dataSource.getRepository(User);
  return repository.save(
    repository.create({
      email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.ca.gov`,
      displayName: `${role} user`,
      role,
      departmentId: null,
      passwordHash: await sharedHash(),
      ...overrides,
    }),
  );
}

export async function login(http: TestAgent, email: string, password = TEST_PASSWORD) {
  const response = await http.post('/api/auth/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as { accessToken: string; refreshToken: string };
}

export async function makeClassification(
  dataSource: DataSource,
  overrides: Partial<Classification> = {},
): Promise<Classification> {
  const repository = dataSource.getRepository(Classification);
  return repository.save(
    repository.create({
      classCode: `T${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`,
      title: 'Test Class',
      occupationalGroup: 'OFFICE_ALLIED',
      salaryLow: '3000.00',
      salaryHigh: '4000.00',
      eeo4Category: 'ADMINISTRATIVE_SUPPORT',
      ...overrides,
    }),
  );
}

export async function makeEmployee(
  dataSource: DataSource,
  departmentId: string,
  classificationId: string,
  overrides: Partial<Employee> = {},
): Promise<Employee> {
  const repository = dataSource.getRepository(Employee);
  return repository.save(
    repository.create({
      departmentId,
      classificationId,
      employeeNumber: `E${randomUUID().slice(0, 8)}`,
      firstName: 'Test',
      lastName: `Person ${randomUUID().slice(0, 4)}`,
      hireDate: '2020-01-06',
      ...overrides,
    }),
  );
}

export interface RoleWorld {
  classification: Classification;
  /** Employee records: the SUPERVISOR user's, the EMPLOYEE user's (a direct report), a peer
   * in the same department outside the supervisor's team, and one of the other department. */
  employees: {
    supervisor: Employee;
    employee: Employee;
    peer: Employee;
    otherDepartment: Employee;
  };
  home: Department;
  other: Department;
  users: Record<Role, User> & { otherCoordinator: User };
  tokens: Record<Role, string> & { otherCoordinator: string };
}

/** Two departments and one signed-in user per role in the first; a coordinator in the second. */
export async function makeRoleWorld(dataSource: DataSource, http: TestAgent): Promise<RoleWorld> {
  const home = await makeDepartment(dataSource);
  const other = await makeDepartment(dataSource);
  const classification = await makeClassification(dataSource);
  const supervisor = await makeEmployee(dataSource, home.id, classification.id);
  const employees = {
    supervisor,
    employee: await makeEmployee(dataSource, home.id, classification.id, {
      supervisorId: supervisor.id,
    }),
    peer: await makeEmployee(dataSource, home.id, classification.id),
    otherDepartment: await makeEmployee(dataSource, other.id, classification.id),
  };
  const users = {
    ADMIN: await makeUser(dataSource, 'ADMIN'),
    AUDITOR: await makeUser(dataSource, 'AUDITOR'),
    COORDINATOR: await makeUser(dataSource, 'COORDINATOR', { departmentId: home.id }),
    SUPERVISOR: await makeUser(dataSource, 'SUPERVISOR', {
      departmentId: home.id,
      employeeId: employees.supervisor.id,
    }),
    EMPLOYEE: await makeUser(dataSource, 'EMPLOYEE', {
      departmentId: home.id,
      employeeId: employees.employee.id,
    }),
    otherCoordinator: await makeUser(dataSource, 'COORDINATOR', { departmentId: other.id }),
  };
  const tokens = {} as RoleWorld['tokens'];
  for (const [key, user] of Object.entries(users)) {
    tokens[key as keyof RoleWorld['tokens']] = (await login(http, user.email)).accessToken;
  }
  return { classification, employees, home, other, users, tokens };
}

export async function auditCount(dataSource: DataSource): Promise<number> {
  const rows: { count: string }[] = await dataSource.query('SELECT count(*) FROM audit_log');
  return Number(rows[0].count);
}
