import request from 'supertest';
import { DataSource } from 'typeorm';
import { findFreePort } from '../../src/database/embedded-database';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { CareerPlan } from '../../src/modules/career-plans/career-plan.entity';
import type { Employee } from '../../src/modules/employees/employee.entity';
import { programToday } from '../../src/modules/program-calendar/program-date';
import { auditHead, verifyAuditChain } from '../support/db-state';
import { makeEmployee, makeRoleWorld } from '../support/fixtures';
import type { RoleWorld } from '../support/fixtures';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';
import { ensureBuilt, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';

/**
 * A bounded soak of the real service (`node dist/src/main.js`, NODE_ENV=production, its own
 * database) over loopback: SOAK_CONNECTIONS (default 20) clients for SOAK_SECONDS (default 60)
 * send a mix of reads and writes: list employees, read a plan, list training, report training,
 * log a career conversation. Each client waits for its answer before the next request, and all
 * finish their last request before the counts are taken, so every answer is accounted for: no
 * 5xx, no refused or failed request, every accepted write present (by id) and nothing else
 * written, one audit entry per write (and per coordinator's list of employees, which carries
 * demographics and is audited as a read), and the chain verifies.
 */

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 20);
const PEOPLE = 40;

type Operation =
  'listEmployees' | 'readPlan' | 'listTraining' | 'reportTraining' | 'logConversation';
/** Weights: about 55% reads, 45% writes. */
const MIX: [Operation, number][] = [
  ['listEmployees', 25],
  ['readPlan', 15],
  ['listTraining', 15],
  ['reportTraining', 25],
  ['logConversation', 20],
];
const WRITES = ['reportTraining', 'logConversation'] as const;
type Write = (typeof WRITES)[number];

interface Tally {
  byOperation: Record<Operation, Record<string, number>>;
  createdIds: Record<Write, string[]>;
  networkErrors: number;
  latenciesMs: number[];
}

const isWrite = (operation: Operation): operation is Write =>
  (WRITES as readonly Operation[]).includes(operation);

function pick(random: number): Operation {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = random * total;
  for (const [operation, weight] of MIX) {
    threshold -= weight;
    if (threshold < 0) return operation;
  }
  return MIX[0][0];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

describe(`Load: ${CONNECTIONS} clients for ${SECONDS} s of mixed reads and writes (stress)`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let server: ServerProcess | undefined;
  let world: RoleWorld;
  let people: Employee[];
  let planId: string;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions(database.url));
    await dataSource.initialize();
    server = await startServer({
      PORT: String(await findFreePort()),
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
    });
    world = await makeRoleWorld(dataSource, request(server.baseUrl));
    people = [];
    for (let i = 0; i < PEOPLE; i++) {
      people.push(
        await makeEmployee(dataSource, world.home.id, world.classification.id, {
          supervisorId: world.employees.supervisor.id,
        }),
      );
    }
    const plan = await dataSource.getRepository(CareerPlan).save({
      departmentId: world.home.id,
      employeeId: people[0].id,
      targetClassCodes: [],
      goals: 'Soak plan',
      state: 'DRAFT',
    });
    planId = plan.id;
  });

  afterAll(async () => {
    await server?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  async function send(operation: Operation, sequence: number): Promise<Response> {
    const base = server?.baseUrl ?? '';
    const headers = {
      Authorization: `Bearer ${world.tokens.COORDINATOR}`,
      'Content-Type': 'application/json',
    };
    // A request that hangs counts as a failure instead of stalling the soak.
    const signal = AbortSignal.timeout(30_000);
    const person = people[sequence % people.length];
    const today = programToday();
    switch (operation) {
      case 'listEmployees':
        return fetch(`${base}/api/employees?pageSize=50`, { headers, signal });
      case 'readPlan':
        return fetch(`${base}/api/career-plans/${planId}`, { headers, signal });
      case 'listTraining':
        return fetch(`${base}/api/training-records?pageSize=20&order=desc`, { headers, signal });
      case 'reportTraining':
        return fetch(`${base}/api/training-records`, {
          method: 'POST',
          headers,
          signal,
          body: JSON.stringify({
            employeeId: person.id,
            title: `Soak course ${sequence}`,
            kind: 'ONLINE',
            hours: 1.5,
            startDate: today,
            completionDate: today,
            onStateTime: sequence % 3 === 0,
          }),
        });
      case 'logConversation':
        return fetch(`${base}/api/career-conversations`, {
          method: 'POST',
          headers,
          signal,
          body: JSON.stringify({
            employeeId: person.id,
            heldOn: today,
            summary: `Soak conversation ${sequence}`,
          }),
        });
    }
  }

  it('answers every request, loses no accepted write and writes nothing else', async () => {
    const tally: Tally = {
      byOperation: Object.fromEntries(
        MIX.map(([operation]) => [operation, {}]),
      ) as Tally['byOperation'],
      createdIds: { reportTraining: [], logConversation: [] },
      networkErrors: 0,
      latenciesMs: [],
    };
    const count = async (table: string) =>
      Number(
        (await dataSource.query<{ count: string }[]>(`SELECT count(*) FROM ${table}`))[0].count,
      );
    const before = {
      training: await count('training_records'),
      conversations: await count('career_conversations'),
      audit: (await auditHead(dataSource)).count,
    };

    let sequence = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const client = async () => {
      while (Date.now() < deadline) {
        const mine = sequence++;
        const operation = pick(Math.random());
        const started = performance.now();
        try {
          const response = await send(operation, mine);
          const body = await response.text();
          tally.latenciesMs.push(performance.now() - started);
          const counts = tally.byOperation[operation];
          counts[response.status] = (counts[response.status] ?? 0) + 1;
          if (response.status === 201 && isWrite(operation)) {
            tally.createdIds[operation].push((JSON.parse(body) as { id: string }).id);
          }
        } catch {
          tally.networkErrors += 1;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    const seconds = (Date.now() - started) / 1000;

    const statuses = Object.values(tally.byOperation).flatMap((counts) => Object.entries(counts));
    const total = statuses.reduce((sum, [, n]) => sum + n, 0);
    const serverErrors = statuses
      .filter(([status]) => Number(status) >= 500)
      .reduce((s, [, n]) => s + n, 0);
    const refused = statuses
      .filter(([status]) => Number(status) >= 400 && Number(status) < 500)
      .reduce((s, [, n]) => s + n, 0);
    const writes = tally.createdIds.reportTraining.length + tally.createdIds.logConversation.length;
    const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
    const figures = {
      seconds: Math.round(seconds),
      connections: CONNECTIONS,
      requests: total,
      requestsPerSecond: Math.round(total / seconds),
      acceptedWrites: writes,
      serverErrors,
      refused,
      networkErrors: tally.networkErrors,
      latencyMs: {
        p50: Math.round(percentile(sorted, 50)),
        p95: Math.round(percentile(sorted, 95)),
        p99: Math.round(percentile(sorted, 99)),
        max: Math.round(sorted[sorted.length - 1] ?? 0),
      },
      byOperation: tally.byOperation,
    };
    process.stdout.write(`load figures: ${JSON.stringify(figures)}\n`);

    expect({ serverErrors, refused, networkErrors: tally.networkErrors }).toEqual({
      serverErrors: 0,
      refused: 0,
      networkErrors: 0,
    });
    expect(total).toBeGreaterThan(SECONDS * 10);
    for (const operation of WRITES) expect(tally.createdIds[operation].length).toBeGreaterThan(0);

    // Every accepted write is there, by id, and nothing else was written.
    const present = async (table: string, ids: string[]) =>
      Number(
        (
          await dataSource.query<{ count: string }[]>(
            `SELECT count(*) FROM ${table} WHERE id = ANY($1::uuid[])`,
            [ids],
          )
        )[0].count,
      );
    expect(await present('training_records', tally.createdIds.reportTraining)).toBe(
      tally.createdIds.reportTraining.length,
    );
    expect(await present('career_conversations', tally.createdIds.logConversation)).toBe(
      tally.createdIds.logConversation.length,
    );
    expect(await count('training_records')).toBe(
      before.training + tally.createdIds.reportTraining.length,
    );
    expect(await count('career_conversations')).toBe(
      before.conversations + tally.createdIds.logConversation.length,
    );
    // One audit entry per write and per list of employees (the coordinator reads their answers,
    // READ_DEMOGRAPHICS), and the chain is whole.
    const audited = writes + (tally.byOperation.listEmployees['200'] ?? 0);
    expect((await auditHead(dataSource)).count).toBe(before.audit + audited);
    const verdict = await verifyAuditChain(dataSource);
    expect(verdict).toMatchObject({ ok: true, count: before.audit + audited });
  });
});
