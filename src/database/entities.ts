import { ProgramApplication } from '../modules/applications/program-application.entity';
import { ProgramParticipation } from '../modules/applications/participation.entity';
import { SelectionCriteriaSet } from '../modules/applications/selection-criteria-set.entity';
import { Appointment } from '../modules/appointments/appointment.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { CareerConversation } from '../modules/career-conversations/career-conversation.entity';
import { CareerPlan } from '../modules/career-plans/career-plan.entity';
import { PlanActivity } from '../modules/career-plans/plan-activity.entity';
import { PlanEvent } from '../modules/career-plans/plan-event.entity';
import { Classification } from '../modules/classifications/classification.entity';
import { UmDesignationRecord } from '../modules/classifications/um-designation.entity';
import { Department } from '../modules/departments/department.entity';
import { EligibilityRuleSet } from '../modules/eligibility/eligibility-rule-set.entity';
import { Employee } from '../modules/employees/employee.entity';
import { ExamListEligibility } from '../modules/employees/exam-eligibility.entity';
import { AnnualGoal } from '../modules/goals/annual-goal.entity';
import { ImportRun } from '../modules/imports/import-run.entity';
import { ReportFile } from '../modules/reports/report-file.entity';
import { ReportVersion } from '../modules/reports/report-version.entity';
import { TdAssignment } from '../modules/td-assignments/td-assignment.entity';
import { EvidenceFile } from '../modules/training/evidence-file.entity';
import { TrainingRecord } from '../modules/training/training-record.entity';
import { User } from '../modules/users/user.entity';

/** Every entity the schema knows; listed explicitly so TS (tests) and JS (build) agree. */
export const ENTITIES = [
  Department,
  Classification,
  User,
  RefreshToken,
  AuditEntry,
  UmDesignationRecord,
  Employee,
  ExamListEligibility,
  Appointment,
  SelectionCriteriaSet,
  ProgramApplication,
  ProgramParticipation,
  CareerPlan,
  PlanActivity,
  PlanEvent,
  CareerConversation,
  TrainingRecord,
  EvidenceFile,
  TdAssignment,
  AnnualGoal,
  EligibilityRuleSet,
  ReportVersion,
  ReportFile,
  ImportRun,
];
