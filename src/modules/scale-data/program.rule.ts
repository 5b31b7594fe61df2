/**
 * One department's upward mobility program records for the scale data set, consistent with its
 * workforce (workforce.rule.ts): applications from LPEL/bridging staff, the participations that
 * accepted applications open, the career plans of participants with their workflow events and
 * activities, career conversations, a few T&D assignments and eligible-list places. Employees who
 * moved up mostly took part in the program first. Pure; timestamps are a day number plus
 * seconds (UTC) within that day, always before `today`.
 */
import type { ApplicationStatus } from '../applications/program-application.entity';
import type { SelectionCriterion } from '../applications/selection-criteria-set.entity';
import { totalScore, TOTAL_SCORE_DECIMALS } from '../applications/selection-score.rule';
import type { ActivityKind, ActivityStatus } from '../career-plans/plan-activity.entity';
import type { PlanAction, PlanState } from '../career-plans/plan-workflow.rule';
import { PLAN_TRANSITIONS } from '../career-plans/plan-workflow.rule';
import type { Prng } from './prng.rule';
import { ladderTargets } from './scale-catalog';
import type { WorkforceEmployee } from './workforce.rule';

export interface Instant {
  day: number;
  /** Seconds after midnight UTC (16:00-23:59 UTC: a working hour in California). */
  second: number;
}

export const SELECTION_CRITERIA: SelectionCriterion[] = [
  { key: 'interest', label: 'Statement of interest and goals', weight: 30, maxPoints: 10 },
  { key: 'supervisor', label: "Supervisor's assessment", weight: 30, maxPoints: 10 },
  { key: 'readiness', label: 'Readiness for a career development plan', weight: 40, maxPoints: 10 },
];

export interface ApplicationRecord {
  id: string;
  employeeIndex: number;
  targetClassCode: string;
  interests: string;
  statement: string;
  submittedDay: number;
  acknowledgedAt: Instant | null;
  acknowledgedByEmployeeIndex: number | null;
  status: ApplicationStatus;
  scores: Record<string, number> | null;
  totalScore: string | null;
  decisionReason: string | null;
  decidedDay: number | null;
}

export interface ParticipationRecord {
  id: string;
  employeeIndex: number;
  applicationId: string;
  startedDay: number;
  withdrawnDay: number | null;
  withdrawalReason: string | null;
}

export interface PlanEventRecord {
  id: string;
  action: PlanAction;
  fromState: PlanState;
  toState: PlanState;
  actor: 'OWNER' | 'SUPERVISOR' | 'COORDINATOR';
  comment: string | null;
  at: Instant;
}

export interface PlanActivityRecord {
  id: string;
  kind: ActivityKind;
  description: string;
  targetDay: number;
  plannedHours: number | null;
  status: ActivityStatus;
}

export interface PlanRecord {
  id: string;
  employeeIndex: number;
  participationId: string;
  targetClassCodes: string[];
  goals: string;
  state: PlanState;
  createdDay: number;
  events: PlanEventRecord[];
  activities: PlanActivityRecord[];
}

export interface ConversationRecord {
  id: string;
  employeeIndex: number;
  heldDay: number;
  /** null = the department's coordinator held it; else the employee's supervisor. */
  heldBySupervisorIndex: number | null;
  summary: string;
  nextSteps: string;
}

export interface TdAssignmentRecord {
  id: string;
  employeeIndex: number;
  hostUnit: string;
  hostDepartment: string | null;
  workClassCode: string;
  startDay: number;
  plannedEndDay: number;
  actualEndDay: number | null;
  earlyEndRequestedDay: number | null;
  timeBaseFraction: number;
  createdDay: number;
}

export interface ExamListRecord {
  id: string;
  employeeIndex: number;
  classCode: string;
  listDay: number;
  expiresDay: number;
}

export interface ProgramRecords {
  applications: ApplicationRecord[];
  participations: ParticipationRecord[];
  plans: PlanRecord[];
  conversations: ConversationRecord[];
  tdAssignments: TdAssignmentRecord[];
  examLists: ExamListRecord[];
  /** Employees who act in the program and so need a user account (plan owners, supervisors). */
  usersNeeded: { employeeIndex: number; role: 'EMPLOYEE' | 'SUPERVISOR' }[];
}

export interface ProgramInput {
  employees: readonly WorkforceEmployee[];
  today: number;
  windowStart: number;
}

/** Share of the LPEL/bridging staff who apply during the generated years. */
export const APPLICATION_RATE = 0.15;
/** Share of those who moved up who had applied (and been accepted) before. */
export const MOVER_APPLICATION_RATE = 0.55;

const INTERESTS = [
  'Analyst work; budgets',
  'Information technology',
  'Accounting and fiscal services',
  'Human resources',
  'Research and data',
  'Program administration',
];
const STATEMENTS = [
  'I would like to build the experience to compete for an analyst position.',
  'I am finishing my degree and want a plan to use it in my career here.',
  'I want to learn the budget process and move into fiscal work.',
  'I enjoy solving problems with data and would like to grow in that direction.',
];
const WITHDRAWAL_REASONS = [
  'Personal reasons',
  'Workload in current position',
  'Chose to pursue a different career path',
  'Family obligations',
];
const RETURN_COMMENTS = [
  'Please add target dates for the training activities.',
  'Add a college course toward the education requirement.',
  'Please describe how the T&D assignment supports your goal.',
];
const GOALS = [
  'Qualify for and compete in the next examination for the target class.',
  'Complete the education and experience needed for an entry analyst position.',
  'Gain fiscal experience and move into an accounting career ladder.',
];
const ACTIVITIES: readonly [ActivityKind, string, number | null][] = [
  ['TRAINING', 'Analytical writing workshop', 14],
  ['TRAINING', 'Excel for analysts', 12],
  ['COLLEGE_COURSE', 'Statistics (3 semester units)', 48],
  ['COLLEGE_COURSE', 'Principles of accounting (3 semester units)', 48],
  ['TD_ASSIGNMENT', 'T&D assignment in the budgets office', 1040],
  ['OJT', 'Cross-training on personnel transactions', 40],
  ['MENTORING', 'Monthly meetings with an analyst mentor', 24],
  ['EXAM', 'Take the examination for the target class', null],
];
const SUMMARIES = [
  'Discussed career goals and the minimum qualifications of the target class.',
  'Reviewed progress on the plan activities; training on track.',
  'Talked about the next examination and how to prepare for it.',
  'Reviewed options for a T&D assignment and college coursework.',
];
const NEXT_STEPS = [
  'Enroll in the next analytical writing class.',
  'Check the examination bulletin and apply.',
  'Finish the college course this semester.',
  'Meet again in six months.',
];
const HOST_UNITS = [
  'Budgets Office',
  'Human Resources Branch',
  'Accounting Section',
  'Program Analysis Unit',
  'Contracts and Procurement',
  'Information Technology Division',
];

function atWorkHour(prng: Prng, day: number): Instant {
  return { day, second: prng.int(16 * 3600, 23 * 3600 + 59 * 60) };
}

function pointsFor(prng: Prng, status: ApplicationStatus): Record<string, number> {
  const [low, high] = status === 'ACCEPTED' ? [6, 10] : status === 'WAITLISTED' ? [4, 8] : [1, 6];
  return Object.fromEntries(SELECTION_CRITERIA.map((c) => [c.key, prng.int(low, high)]));
}

/**
 * The plan's workflow as a list of events, each allowed by the plan workflow table
 * (plan-workflow.rule.ts), ending at or before `end`. `completeAfter` forces completion on or
 * after that day (an employee who moved up); `withdrawOn` ends the plan there.
 */
function planEvents(
  prng: Prng,
  ids: Prng,
  start: number,
  end: number,
  options: {
    hasSupervisor: boolean;
    completeAfter: number | null;
    withdrawOn: number | null;
  },
): { state: PlanState; events: PlanEventRecord[] } {
  const events: PlanEventRecord[] = [];
  // Assigned inside `step`: typed wide so the checks below are not narrowed to DRAFT.
  let state = 'DRAFT' as PlanState;
  let day = start;
  // Everything else happens before a withdrawal, which is the plan's last event.
  let last = options.withdrawOn === null ? end : options.withdrawOn - 1;
  const step = (action: PlanAction, after: number, comment: string | null = null): boolean => {
    const next = Math.max(day + 1, after);
    if (next > last) return false;
    const transition = PLAN_TRANSITIONS[action];
    const actor =
      transition.actors[0] === 'OWNER'
        ? 'OWNER'
        : action === 'COMPLETE' || !options.hasSupervisor || prng.chance(0.5)
          ? 'COORDINATOR'
          : 'SUPERVISOR';
    events.push({
      id: ids.uuid(),
      action,
      fromState: state,
      toState: transition.to,
      actor,
      comment,
      at: atWorkHour(prng, next),
    });
    state = transition.to;
    day = next;
    return true;
  };

  const intended = options.completeAfter !== null ? 'COMPLETED' : prng.pick(PLAN_OUTCOMES);
  if (intended !== 'DRAFT' && step('SUBMIT', day + prng.int(10, 40))) {
    if (intended === 'RETURNED' || (intended === 'APPROVED' && prng.chance(0.15))) {
      if (
        step('RETURN', day + prng.int(3, 20), prng.item(RETURN_COMMENTS)) &&
        intended !== 'RETURNED'
      ) {
        step('SUBMIT', day + prng.int(5, 30));
      }
    }
    if (
      intended !== 'SUBMITTED' &&
      state === 'SUBMITTED' &&
      step('APPROVE', day + prng.int(3, 20))
    ) {
      if (intended === 'COMPLETED') {
        step('COMPLETE', Math.max(day + 180, options.completeAfter ?? 0) + prng.int(1, 20));
      }
    }
  }
  if (options.withdrawOn !== null && state !== 'COMPLETED') {
    last = options.withdrawOn;
    step('WITHDRAW', options.withdrawOn);
  }
  return { state, events };
}

const PLAN_OUTCOMES: readonly (readonly [PlanState, number])[] = [
  ['DRAFT', 8],
  ['SUBMITTED', 10],
  ['RETURNED', 5],
  ['APPROVED', 65],
  ['COMPLETED', 12],
];

/** The program records of one department (its own 'program' and id streams). */
export function buildProgramRecords(input: ProgramInput, prng: Prng, ids: Prng): ProgramRecords {
  const { employees, today } = input;
  const lastDay = today - 1;
  const records: ProgramRecords = {
    applications: [],
    participations: [],
    plans: [],
    conversations: [],
    tdAssignments: [],
    examLists: [],
    usersNeeded: [],
  };
  const withUser = new Set<number>();
  const needUser = (employeeIndex: number, role: 'EMPLOYEE' | 'SUPERVISOR') => {
    if (withUser.has(employeeIndex)) return;
    withUser.add(employeeIndex);
    records.usersNeeded.push({ employeeIndex, role });
  };
  const conversationBy = (e: WorkforceEmployee): number | null => {
    if (e.supervisorIndex === null || prng.chance(0.7)) return null;
    needUser(e.supervisorIndex, 'SUPERVISOR');
    return e.supervisorIndex;
  };

  for (const e of employees) {
    if (e.lowPayingClass === null || e.lowPayingFrom === null || e.lowPayingTo === null) continue;
    if (e.lowPayingFrom > e.lowPayingTo) continue;
    const mover = e.moveDay !== null;
    const targets = mover ? [e.classCode] : ladderTargets(e.lowPayingClass);
    const submitted =
      prng.chance(mover ? MOVER_APPLICATION_RATE : APPLICATION_RATE) && targets.length > 0
        ? dayOrNull(
            prng,
            Math.max(e.lowPayingFrom, e.hireDay + 90),
            mover ? e.moveDay! - 150 : e.lowPayingTo,
          )
        : null;
    if (submitted === null) {
      // Not an applicant: some still had a career conversation.
      const held = prng.chance(0.08) ? dayOrNull(prng, e.lowPayingFrom, e.lowPayingTo) : null;
      if (held !== null) {
        records.conversations.push({
          id: ids.uuid(),
          employeeIndex: e.index,
          heldDay: held,
          heldBySupervisorIndex: conversationBy(e),
          summary: prng.item(SUMMARIES),
          nextSteps: prng.item(NEXT_STEPS),
        });
      }
      continue;
    }

    // The application and its decision.
    const decisionDay = submitted + prng.int(14, 60);
    const undecided =
      decisionDay > lastDay || (e.separatedDay !== null && decisionDay >= e.separatedDay);
    let status: ApplicationStatus;
    if (undecided) status = e.separatedDay !== null ? 'WITHDRAWN' : 'SUBMITTED';
    else if (mover) status = prng.chance(0.95) ? 'ACCEPTED' : 'WAITLISTED';
    else {
      status = prng.pick<ApplicationStatus>([
        ['ACCEPTED', 60],
        ['WAITLISTED', 12],
        ['DECLINED', 13],
        ['WITHDRAWN', 15],
      ]);
    }
    const decided = status === 'ACCEPTED' || status === 'WAITLISTED' || status === 'DECLINED';
    let acknowledgedAt: Instant | null = null;
    if (e.supervisorIndex !== null && (decided || prng.chance(0.5))) {
      const ackDay = Math.min(
        submitted + prng.int(2, 10),
        lastDay,
        decided ? decisionDay - 1 : lastDay,
      );
      acknowledgedAt = atWorkHour(prng, Math.max(submitted, ackDay));
      needUser(e.supervisorIndex, 'SUPERVISOR');
    }
    const scores = decided ? pointsFor(prng, status) : null;
    const application: ApplicationRecord = {
      id: ids.uuid(),
      employeeIndex: e.index,
      targetClassCode: prng.item(targets),
      interests: prng.item(INTERESTS),
      statement: prng.item(STATEMENTS),
      submittedDay: submitted,
      acknowledgedAt,
      acknowledgedByEmployeeIndex: acknowledgedAt === null ? null : e.supervisorIndex,
      status,
      scores,
      totalScore:
        scores === null
          ? null
          : totalScore(SELECTION_CRITERIA, scores).toFixed(TOTAL_SCORE_DECIMALS),
      decisionReason: decided ? (DECISION_REASONS[status] ?? null) : null,
      decidedDay: decided ? decisionDay : null,
    };
    records.applications.push(application);
    if (status !== 'ACCEPTED') continue;

    // Accepted: a participation and a career plan.
    const start = decisionDay;
    let withdrawnDay: number | null = null;
    let withdrawalReason: string | null = null;
    if (e.separatedDay !== null) {
      withdrawnDay = e.separatedDay;
      withdrawalReason = 'Separated from state service';
    } else if (!mover && prng.chance(0.1)) {
      withdrawnDay = dayOrNull(prng, start + 60, lastDay);
      withdrawalReason = withdrawnDay === null ? null : prng.item(WITHDRAWAL_REASONS);
    }
    const participation: ParticipationRecord = {
      id: ids.uuid(),
      employeeIndex: e.index,
      applicationId: application.id,
      startedDay: start,
      withdrawnDay,
      withdrawalReason,
    };
    records.participations.push(participation);
    needUser(e.index, 'EMPLOYEE');

    const { state, events } = planEvents(prng, ids, start, lastDay, {
      hasSupervisor: e.supervisorIndex !== null,
      completeAfter: e.moveDay,
      withdrawOn: withdrawnDay,
    });
    if (e.supervisorIndex !== null && events.some((event) => event.actor === 'SUPERVISOR')) {
      needUser(e.supervisorIndex, 'SUPERVISOR');
    }
    const activities: PlanActivityRecord[] = [];
    for (let i = prng.int(2, 4); i > 0; i--) {
      const [kind, description, hours] = prng.item(ACTIVITIES);
      const targetDay = start + prng.int(60, 540);
      activities.push({
        id: ids.uuid(),
        kind,
        description,
        targetDay,
        plannedHours: hours,
        status:
          state === 'COMPLETED'
            ? prng.chance(0.9)
              ? 'DONE'
              : 'DROPPED'
            : state === 'WITHDRAWN'
              ? 'DROPPED'
              : targetDay < lastDay && prng.chance(0.6)
                ? 'DONE'
                : 'PLANNED',
      });
    }
    const targetClassCodes = [...new Set([application.targetClassCode, ...targets])];
    records.plans.push({
      id: ids.uuid(),
      employeeIndex: e.index,
      participationId: participation.id,
      targetClassCodes,
      goals: prng.item(GOALS),
      state,
      createdDay: start,
      events,
      activities,
    });

    // Conversations at least every six months while taking part.
    const conversationsEnd = Math.min(
      lastDay,
      withdrawnDay ?? lastDay,
      e.moveDay === null ? lastDay : e.moveDay + 30,
    );
    for (let held = start + prng.int(0, 20); held <= conversationsEnd; held += prng.int(120, 180)) {
      records.conversations.push({
        id: ids.uuid(),
        employeeIndex: e.index,
        heldDay: held,
        heldBySupervisorIndex: conversationBy(e),
        summary: prng.item(SUMMARIES),
        nextSteps: prng.item(NEXT_STEPS),
      });
    }

    // A few approved participants get a T&D assignment (ended before any move or withdrawal).
    const approved = events.find((event) => event.action === 'APPROVE');
    if (approved !== undefined && withdrawnDay === null && prng.chance(mover ? 0.3 : 0.12)) {
      const tdStart = approved.at.day + prng.int(30, 120);
      const months = prng.item([6, 12]);
      const plannedEnd = tdStart + Math.round(months * 30.44) - 1;
      const limit = e.moveDay === null ? Infinity : e.moveDay - 1;
      if (tdStart <= lastDay && plannedEnd <= limit) {
        const early = prng.chance(0.12)
          ? dayOrNull(prng, tdStart + 30, Math.min(plannedEnd, lastDay) - 20)
          : null;
        const earlyEnd = early === null ? null : early + prng.int(5, 14);
        records.tdAssignments.push({
          id: ids.uuid(),
          employeeIndex: e.index,
          hostUnit: prng.item(HOST_UNITS),
          hostDepartment: prng.chance(0.1) ? 'Department of General Services' : null,
          workClassCode: targetClassCodes[0],
          startDay: tdStart,
          plannedEndDay: plannedEnd,
          actualEndDay: earlyEnd ?? (plannedEnd <= lastDay ? plannedEnd : null),
          earlyEndRequestedDay: early,
          timeBaseFraction:
            e.timeBaseFraction > 0 && e.timeBaseFraction < 1 ? e.timeBaseFraction : 1,
          createdDay: tdStart - prng.int(5, 20),
        });
      }
    }
  }

  // Places on eligible lists: everyone who moved up was reachable on the target class's list.
  for (const e of employees) {
    if (e.moveDay === null) continue;
    const listDay = Math.max(e.hireDay, e.moveDay - prng.int(30, 240));
    records.examLists.push({
      id: ids.uuid(),
      employeeIndex: e.index,
      classCode: e.classCode,
      listDay,
      expiresDay: listDay + 365 * prng.item([1, 2, 4]),
    });
  }
  return records;
}

const DECISION_REASONS: Partial<Record<ApplicationStatus, string>> = {
  ACCEPTED: 'Meets the selection criteria; accepted into the program.',
  WAITLISTED: 'Meets the criteria; placed on the waiting list for the next cohort.',
  DECLINED: 'Does not yet meet the selection criteria; encouraged to reapply.',
};

function dayOrNull(prng: Prng, from: number, to: number): number | null {
  return to < from ? null : prng.int(from, to);
}
