import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PlanActivity } from '../career-plans/plan-activity.entity';
import { Department } from '../departments/department.entity';
import { Employee } from '../employees/employee.entity';

export const TRAINING_KINDS = [
  'CLASSROOM',
  'ONLINE',
  'COLLEGE_COURSE',
  'OJT',
  'MENTORING',
  'CONFERENCE',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_STATUSES = ['REPORTED', 'VERIFIED', 'REJECTED'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Training or education an employee took; only VERIFIED hours count anywhere. */
@Entity({ name: 'training_records' })
@Index('IDX_training_records_department_year', ['departmentId', 'fiscalYear'])
@Index('IDX_training_records_employee', ['employeeId', 'completionDate'])
export class TrainingRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Employee;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  provider!: string;

  @Column({ type: 'enum', enum: TRAINING_KINDS })
  kind!: TrainingKind;

  /** Quarter-hour precision, 0 < hours <= 2000. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  hours!: string;

  @Column({ name: 'semester_units', type: 'numeric', precision: 4, scale: 1, nullable: true })
  semesterUnits!: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'completion_date', type: 'date' })
  completionDate!: string;

  /** Derived from the completion date, e.g. `2025-26`. */
  @Column({ name: 'fiscal_year', type: 'char', length: 7 })
  fiscalYear!: string;

  @Column({ name: 'on_state_time', type: 'boolean' })
  onStateTime!: boolean;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  cost!: string | null;

  @Column({ name: 'plan_activity_id', type: 'uuid', nullable: true })
  planActivityId!: string | null;

  @ManyToOne(() => PlanActivity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'plan_activity_id' })
  planActivity?: Relation<PlanActivity>;

  @Column({ type: 'enum', enum: TRAINING_STATUSES, default: 'REPORTED' })
  status!: TrainingStatus;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy!: string;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  /** Allowed, but flagged: state-time hours this fiscal year exceed the department's cap. */
  @Column({ name: 'exceeds_state_time_cap', type: 'boolean', default: false })
  exceedsStateTimeCap!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
