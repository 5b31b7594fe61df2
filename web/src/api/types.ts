/**
 * The shapes of the API answers the pages use (see /api/docs for the full contract). Only the
 * fields the web app reads are listed.
 */

export type Role = 'ADMIN' | 'COORDINATOR' | 'SUPERVISOR' | 'EMPLOYEE' | 'AUDITOR';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  employeeId: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  reportDueMonthDay: string;
  smallCellThreshold: number;
}

export type EmployeeStatus = 'ACTIVE' | 'SEPARATED';

export interface Employee {
  id: string;
  departmentId: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  workEmail: string | null;
  classificationId: string;
  classCode: string;
  classTitle: string;
  positionNumber: string | null;
  timeBase: string;
  timeBaseFraction: number;
  hireDate: string;
  supervisorId: string | null;
  status: string;
  separatedOn: string | null;
  educationLevel: string | null;
  collegeSemesterUnits: number;
  licenses: string[];
  version: number;
}

export interface Appointment {
  id: string;
  effectiveDate: string;
  type: string;
  fromClassCode: string | null;
  toClassCode: string | null;
  fromDesignation: string;
  toDesignation: string;
  isUpwardMobilityMove: boolean;
  notes: string | null;
}

export interface Participation {
  id: string;
  startedOn: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  active: boolean;
}

// Eligibility ---------------------------------------------------------------------------------

export type EligibilityStatus = 'ELIGIBLE' | 'EXAM_ELIGIBLE' | 'NOT_YET';
export type MeasureUnit = 'MONTHS' | 'SEMESTER_UNITS' | 'HOURS';

export interface RequirementResult {
  index: number;
  kind: string;
  met: boolean;
  have: { value: number | null; explanation: string };
  need: { value: number | null; explanation: string };
  unit: MeasureUnit | null;
  gap: number | null;
  projectedMetOn: string | null;
  missing: string[];
  explanation: string;
}

export interface PatternResult {
  patternId: string;
  label: string;
  met: boolean;
  examEligible: boolean;
  unmetCount: number;
  projectedMetOn: string | null;
  requirements: RequirementResult[];
}

export interface TargetEligibility {
  classCode: string;
  title: string;
  illustrative: boolean;
  status: EligibilityStatus;
  nearestPatternId: string | null;
  patterns: PatternResult[];
}

export interface EmployeeEligibility {
  employeeId: string;
  asOf: string;
  targets: TargetEligibility[];
}

// Career plans --------------------------------------------------------------------------------

export type PlanState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED' | 'COMPLETED' | 'WITHDRAWN';
export type PlanAction = 'SUBMIT' | 'APPROVE' | 'RETURN' | 'COMPLETE' | 'WITHDRAW';
export const ACTIVITY_KINDS = [
  'TRAINING',
  'COLLEGE_COURSE',
  'TD_ASSIGNMENT',
  'OJT',
  'MENTORING',
  'EXAM',
  'OTHER',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface PlanActivity {
  id?: string;
  kind: ActivityKind;
  description: string;
  targetDate: string | null;
  plannedHours: number | null;
  status: 'PLANNED' | 'DONE' | 'DROPPED';
}

export interface PlanEvent {
  id: string;
  action: string;
  fromState: string;
  toState: string;
  actorRole: string;
  actorRelation: string;
  comment: string | null;
  occurredAt: string;
}

export interface CareerPlanSummary {
  id: string;
  employeeId: string;
  state: PlanState;
  goals: string;
  targetClassCodes: string[];
  submittedAt: string | null;
  approvedAt: string | null;
  lastComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CareerPlan extends CareerPlanSummary {
  activities: PlanActivity[];
  events: PlanEvent[];
  allowedActions: PlanAction[];
  nextConversationDue: { dueOn: string; basis: string; overdue: boolean } | null;
}

export interface Conversation {
  id: string;
  employeeId: string;
  heldOn: string;
  summary: string;
  nextSteps: string;
  createdAt: string;
}

// Training ------------------------------------------------------------------------------------

export const TRAINING_KINDS = [
  'CLASSROOM',
  'ONLINE',
  'COLLEGE_COURSE',
  'OJT',
  'MENTORING',
  'CONFERENCE',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type TrainingStatus = 'REPORTED' | 'VERIFIED' | 'REJECTED';

export interface TrainingRecord {
  id: string;
  employeeId: string;
  title: string;
  provider: string;
  kind: TrainingKind;
  hours: number;
  semesterUnits: number | null;
  startDate: string;
  completionDate: string;
  fiscalYear: string;
  onStateTime: boolean;
  status: TrainingStatus;
  rejectionReason: string | null;
  exceedsStateTimeCap: boolean;
  verifiedAt: string | null;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface TrainingRecordDetail extends TrainingRecord {
  evidence: EvidenceFile[];
}

// Goals ---------------------------------------------------------------------------------------

export interface AnnualGoal {
  id: string;
  fiscalYear: string;
  moveGoal: number;
  moveGoalsByClass: { classCode: string; count: number }[];
  participantGoal: number;
  planGoal: number;
  trainingHoursGoal: number;
  apprenticeGoal: number | null;
  budget: number | null;
  narrative: string;
  missedGoalsExplanation: string | null;
  twoYearPlan: string | null;
  actualMoves: number;
  missedPreviousTwoYears: boolean;
  version: number;
}

// Exceptions ----------------------------------------------------------------------------------

export interface ExceptionEmployee {
  employeeId: string;
  employeeNumber: string;
  name: string;
  classCode: string;
}

export interface ExceptionsReport {
  asOf: string;
  fiscalYear: string;
  withoutApprovedPlan: { count: number; items: (ExceptionEmployee & { designation: string })[] };
  conversationOverdue: {
    since: string;
    count: number;
    items: (ExceptionEmployee & { lastConversationOn: string | null })[];
  };
  unverifiedTraining: {
    count: number;
    items: (ExceptionEmployee & { title: string; reportedOn: string; daysWaiting: number })[];
  };
  stateTimeCapExceeded: {
    capHours: number | null;
    count: number;
    items: (ExceptionEmployee & { hours: number; capHours: number })[];
  };
  tdNearLimit: {
    count: number;
    items: (ExceptionEmployee & { usedMonths: number; windowEnd: string; pastLimit: boolean })[];
  };
  tdEarlyEndNotHonoured: {
    count: number;
    items: (ExceptionEmployee & {
      requestedOn: string;
      dueBy: string;
      honouredOn: string | null;
    })[];
  };
  participation: {
    partTime: { employees: number; participants: number; rate: number | null };
    fullTime: { employees: number; participants: number; rate: number | null };
  };
  goals: {
    moveGoal: number | null;
    actualMoves: number;
    yearEnd: string;
    eligibleByYearEnd: number;
    projectedMoves: number;
    outlook: 'NO_GOAL' | 'MET' | 'ON_TRACK' | 'AT_RISK';
    atRisk: boolean;
  };
}

// Imports -------------------------------------------------------------------------------------

export type ImportKind = 'roster' | 'training';

export interface ImportProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportRun {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  status: 'VALIDATED' | 'APPLIED' | 'REJECTED' | 'FAILED';
  rowCount: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  problemCount: number;
  startedAt: string;
  problems?: ImportProblem[];
  problemsOmitted?: number;
}

// Reports -------------------------------------------------------------------------------------

/** A count of people: a number, or hidden from the oversight audience. */
export type Count = number | { value: null; suppressed: true };

export interface DiversityGroup {
  group: string;
  selected: Count;
  total: Count;
  rate: number | null;
  isReference: boolean;
  impactRatio: number | null;
  fourFifthsFlag: boolean | null;
  pValue: number | null;
  significant: boolean | null;
  suppressed: boolean;
}

export interface DiversityTable {
  referenceGroup: string | null;
  groups: DiversityGroup[];
}

export interface DiversitySection {
  fourFifths: number;
  alpha: number;
  decisions: Record<
    string,
    { selection: string; pool: string; byDimension: Record<string, DiversityTable> }
  >;
}

export interface GoalResult {
  goal: number | null;
  actual: Count;
  met: boolean | null;
}

export interface PipelineEntry {
  classCode: string;
  title: string;
  rulesInForce: boolean;
  evaluated: Count;
  eligible: Count;
  examEligible: Count;
  within3Months: Count;
  within6Months: Count;
  within12Months: Count;
}

export interface AnnualReport {
  audience: 'department' | 'oversight';
  disclosure: { smallCellThreshold: number; suppressionApplied: boolean };
  header: {
    departmentCode: string;
    departmentName: string;
    fiscalYear: string;
    periodStart: string;
    periodEnd: string;
    asOf: string;
    statutoryCalendarYear: number;
    generatedAt: string;
    status: 'DRAFT' | 'CERTIFIED';
    version: number | null;
    certifiedAt: string | null;
    certifiedByName: string | null;
  };
  participation: {
    employeesInLpelOrBridging: { onAsOf: Count; duringYear: Count };
    applications: { received: Count; accepted: Count; waitlisted: Count; declined: Count };
    participants: { duringYear: Count; withdrawnInYear: Count; withApprovedPlan: Count };
    careerConversations: { held: Count; employees: Count };
    training: { people: Count; records: Count; verifiedHours: number };
  };
  goalsVsResults: {
    goalRecorded: boolean;
    moves: {
      goal: number | null;
      fiscalYear: { moves: Count; employees: Count; met: boolean | null };
      calendarYear: { year: number; moves: Count; employees: Count };
      byTargetClass: {
        classCode: string;
        title: string;
        goal: number | null;
        fiscalYearMoves: Count;
      }[];
    };
    participants: GoalResult;
    plans: GoalResult;
    trainingHours: { goal: number | null; actual: number; met: boolean | null };
  };
  missedGoals: {
    missedTwoYearsInARow: boolean;
    problems: { field: string; message: string }[];
  };
  pipeline: PipelineEntry[];
  diversity: DiversitySection;
}

export interface ReportVersion {
  id: string;
  departmentId: string;
  fiscalYear: string;
  version: number;
  status: string;
  certifiedBy: string;
  certifiedAt: string;
  files: { format: string; audience: string; sha256: string; bytes: number }[];
}

export type Timeliness = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'NOT_YET_DUE';

export interface StatewideRollup {
  fiscalYear: string;
  asOf: string;
  disclosure: { smallCellThreshold: number };
  summary: {
    departments: number;
    certified: number;
    byTimeliness: Record<Timeliness, number>;
    moveGoal: number;
    departmentsMeetingMoveGoal: number;
    departmentsMissingMoveGoal: number;
    verifiedTrainingHours: number;
    counts: Record<string, Count>;
  };
  departments: {
    departmentCode: string;
    departmentName: string;
    dueDate: string;
    certified: boolean;
    certifiedVersion: number | null;
    certifiedOn: string | null;
    timeliness: Timeliness;
    moveGoal: number | null;
    moveGoalMet: boolean | null;
    verifiedTrainingHours: number | null;
    counts: Record<string, Count> | null;
  }[];
  diversity: DiversitySection;
}
