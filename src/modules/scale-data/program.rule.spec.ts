import { applyTransition, PLAN_TRANSITIONS } from '../career-plans/plan-workflow.rule';
import type { PlanState } from '../career-plans/plan-workflow.rule';
import { totalScore } from '../applications/selection-score.rule';
import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import { prngFor } from './prng.rule';
import { buildProgramRecords, SELECTION_CRITERIA } from './program.rule';
import { PROFILES, scaleDesignationOf } from './scale-catalog';
import { buildWorkforce } from './workforce.rule';

const TODAY = toDayNumber('2026-11-26');
const WINDOW_START = toDayNumber('2024-07-01');

describe('generated program records', () => {
  const employees = buildWorkforce(
    {
      departmentCode: 'D002',
      departmentIndex: 1,
      size: 8_000,
      profile: PROFILES.BENEFITS,
      today: TODAY,
      windowStart: WINDOW_START,
    },
    prngFor(5, 'D002', 'employees'),
    prngFor(5, 'D002', 'employee-ids'),
  );
  const build = () =>
    buildProgramRecords(
      { employees, today: TODAY, windowStart: WINDOW_START },
      prngFor(5, 'D002', 'program'),
      prngFor(5, 'D002', 'program-ids'),
    );
  const records = build();

  it('comes from LPEL/bridging staff, once each, with at most one open application', () => {
    expect(records.applications.length).toBeGreaterThan(50);
    const applicants = records.applications.map((a) => employees[a.employeeIndex]);
    expect(applicants.filter((e) => e.lowPayingClass === null)).toEqual([]);
    expect(new Set(records.applications.map((a) => a.employeeIndex)).size).toBe(
      records.applications.length,
    );
    expect(
      records.applications.every((a) => scaleDesignationOf(a.targetClassCode) === 'ELTPA'),
    ).toBe(true);
    expect(
      records.applications.every((a) => a.submittedDay >= WINDOW_START && a.submittedDay < TODAY),
    ).toBe(true);
  });

  it('decides applications by the written criteria, after the supervisor acknowledged them', () => {
    for (const a of records.applications) {
      const decided = ['ACCEPTED', 'WAITLISTED', 'DECLINED'].includes(a.status);
      expect(a.decidedDay !== null).toBe(decided);
      expect(a.scores !== null).toBe(decided);
      if (a.scores !== null) {
        expect(Number(a.totalScore)).toBeCloseTo(totalScore(SELECTION_CRITERIA, a.scores), 3);
        expect(a.decidedDay!).toBeLessThan(TODAY);
      }
      const supervisor = employees[a.employeeIndex].supervisorIndex;
      if (a.status === 'ACCEPTED' && supervisor !== null) {
        expect(a.acknowledgedAt).not.toBeNull();
        expect(a.acknowledgedAt!.day).toBeLessThan(a.decidedDay!);
        expect(a.acknowledgedByEmployeeIndex).toBe(supervisor);
      }
    }
  });

  it('opens one participation and one plan for each accepted application', () => {
    const accepted = records.applications.filter((a) => a.status === 'ACCEPTED');
    expect(records.participations.map((p) => p.applicationId).sort()).toEqual(
      accepted.map((a) => a.id).sort(),
    );
    for (const p of records.participations) {
      const application = accepted.find((a) => a.id === p.applicationId)!;
      expect(p.startedDay).toBe(application.decidedDay);
      if (p.withdrawnDay !== null) {
        expect(p.withdrawnDay).toBeGreaterThan(p.startedDay);
        expect(p.withdrawalReason).toBeTruthy();
      }
    }
    expect(records.plans.map((plan) => plan.participationId).sort()).toEqual(
      records.participations.map((p) => p.id).sort(),
    );
  });

  it('moves every plan only through the workflow table, by someone allowed to act', () => {
    const states = new Map<PlanState, number>();
    for (const plan of records.plans) {
      let state: PlanState = 'DRAFT';
      let last = plan.createdDay;
      for (const event of plan.events) {
        const result = applyTransition(state, event.action, event.actor, {
          comment: event.comment ?? undefined,
        });
        expect(result).toEqual({ ok: true, to: PLAN_TRANSITIONS[event.action].to });
        expect(event.fromState).toBe(state);
        expect(event.at.day).toBeGreaterThanOrEqual(last);
        expect(event.at.day).toBeLessThan(TODAY);
        state = event.toState;
        last = event.at.day;
      }
      expect(plan.state).toBe(state);
      states.set(state, (states.get(state) ?? 0) + 1);
    }
    for (const state of ['DRAFT', 'SUBMITTED', 'APPROVED', 'COMPLETED'] as const) {
      expect(states.get(state) ?? 0).toBeGreaterThan(0);
    }
  });

  it('completes the plans of those who moved up, and ends participation of those who left', () => {
    for (const plan of records.plans) {
      const e = employees[plan.employeeIndex];
      const participation = records.participations.find((p) => p.id === plan.participationId)!;
      if (e.separatedDay !== null) expect(participation.withdrawnDay).toBe(e.separatedDay);
      if (plan.state === 'WITHDRAWN') {
        expect(plan.events[plan.events.length - 1].at.day).toBe(participation.withdrawnDay);
      }
      if (e.moveDay !== null && plan.state === 'COMPLETED') {
        expect(plan.events[plan.events.length - 1].at.day).toBeGreaterThan(e.moveDay);
      }
    }
    const movers = employees.filter((e) => e.moveDay !== null);
    expect(records.examLists.map((l) => l.employeeIndex).sort()).toEqual(
      movers.map((e) => e.index).sort(),
    );
    for (const list of records.examLists) {
      expect(list.listDay).toBeLessThan(employees[list.employeeIndex].moveDay!);
      expect(list.expiresDay).toBeGreaterThan(employees[list.employeeIndex].moveDay!);
    }
  });

  it('keeps T&D assignments short and honours early-end requests within two weeks', () => {
    expect(records.tdAssignments.length).toBeGreaterThan(0);
    for (const td of records.tdAssignments) {
      expect(td.plannedEndDay - td.startDay).toBeLessThan(24 * 31);
      expect(td.startDay).toBeLessThan(TODAY);
      if (td.earlyEndRequestedDay !== null) {
        expect(td.actualEndDay! - td.earlyEndRequestedDay).toBeLessThanOrEqual(14);
        expect(td.actualEndDay!).toBeLessThan(td.plannedEndDay);
      }
      const e = employees[td.employeeIndex];
      if (e.moveDay !== null) expect(td.plannedEndDay).toBeLessThan(e.moveDay);
    }
  });

  it('gives a user account to everyone who acts in the program, once', () => {
    const users = new Set(records.usersNeeded.map((u) => u.employeeIndex));
    expect(users.size).toBe(records.usersNeeded.length);
    for (const plan of records.plans) expect(users.has(plan.employeeIndex)).toBe(true);
    for (const c of records.conversations) {
      if (c.heldBySupervisorIndex !== null) expect(users.has(c.heldBySupervisorIndex)).toBe(true);
    }
    for (const a of records.applications) {
      if (a.acknowledgedByEmployeeIndex !== null)
        expect(users.has(a.acknowledgedByEmployeeIndex)).toBe(true);
    }
  });

  it('is the same every time', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(records));
  });
});
