/** Seeding through the API (as the role that would do it) or, for what has no route, the tables. */
import type { DataSource } from 'typeorm';
import { ProgramApplication } from '../../../src/modules/applications/program-application.entity';
import { ProgramParticipation } from '../../../src/modules/applications/participation.entity';
import { Classification } from '../../../src/modules/classifications/classification.entity';
import { programToday } from '../../../src/modules/program-calendar/program-date';
import type { BrowserWorld } from './browser-world';

/** Days before today (Pacific), as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  const date = new Date(`${programToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function dayBefore(date: string, days: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() - days);
  return result.toISOString().slice(0, 10);
}

/** Makes the employee a program participant, as an accepted application would. */
export async function makeParticipant(
  dataSource: DataSource,
  departmentId: string,
  employeeId: string,
): Promise<void> {
  const target = await dataSource
    .getRepository(Classification)
    .findOneByOrFail({ classCode: '5157' });
  const startedOn = daysAgo(60);
  const application = await dataSource.getRepository(ProgramApplication).save({
    departmentId,
    employeeId,
    targetClassificationId: target.id,
    submittedOn: startedOn,
    status: 'ACCEPTED',
    decidedOn: startedOn,
  });
  await dataSource.getRepository(ProgramParticipation).insert({
    departmentId,
    employeeId,
    applicationId: application.id,
    startedOn,
  });
}

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The demo employee's plan, written and submitted by the employee through the API. */
export async function submittedPlan(world: BrowserWorld, goals: string): Promise<string> {
  const employeeId = world.users.EMPLOYEE.employeeId!;
  await makeParticipant(world.t.dataSource, world.departmentId, employeeId);
  const token = await world.token('EMPLOYEE');
  const created = await world.t.http
    .post('/api/career-plans')
    .set(as(token))
    .send({
      goals,
      targetClassCodes: ['5157'],
      activities: [{ kind: 'TRAINING', description: 'Excel for analysts', plannedHours: 16 }],
    })
    .expect(201);
  const plan = created.body as { id: string; version: number };
  await world.t.http
    .post(`/api/career-plans/${plan.id}/transitions`)
    .set(as(token))
    .set('If-Match', `"${plan.version}"`)
    .send({ action: 'SUBMIT' })
    .expect(200);
  return plan.id;
}

/** Training the demo employee reports (REPORTED, for the coordinator to verify), completed
 * `completedOn` (default: 19 days ago) and the days before it. */
export async function reportedTraining(
  world: BrowserWorld,
  titles: string[],
  completedOn = daysAgo(19),
): Promise<string[]> {
  const token = await world.token('EMPLOYEE');
  const ids: string[] = [];
  for (const [index, title] of titles.entries()) {
    const response = await world.t.http
      .post('/api/training-records')
      .set(as(token))
      .send({
        title,
        kind: 'CLASSROOM',
        hours: 8 + index,
        startDate: dayBefore(completedOn, index + 1),
        completionDate: dayBefore(completedOn, index),
        onStateTime: true,
      })
      .expect(201);
    ids.push((response.body as { id: string }).id);
  }
  return ids;
}

/** The coordinator certifies the department's annual report of a fiscal year. */
export async function certifiedReport(world: BrowserWorld, fiscalYear: string): Promise<number> {
  const token = await world.token('COORDINATOR');
  const response = await world.t.http
    .post(`/api/departments/${world.departmentId}/reports/annual/${fiscalYear}/certify`)
    .set(as(token))
    .expect(201);
  return (response.body as { version: number }).version;
}

export { as };
