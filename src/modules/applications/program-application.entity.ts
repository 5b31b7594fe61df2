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
import { Classification } from '../classifications/classification.entity';
import { SelectionCriteriaSet } from './selection-criteria-set.entity';
import { Department } from '../departments/department.entity';
import { Employee } from '../employees/employee.entity';

export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'WAITLISTED',
  'DECLINED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** An employee's application to the department's upward mobility program, and its decision. */
@Entity({ name: 'program_applications' })
@Index('IDX_program_applications_department_status', ['departmentId', 'status'])
@Index('IDX_program_applications_employee', ['employeeId'])
// One open (submitted or waitlisted) application per employee.
@Index('UQ_program_applications_one_open', ['employeeId'], {
  unique: true,
  where: `"status" IN ('SUBMITTED', 'WAITLISTED')`,
})
export class ProgramApplication {
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

  @Column({ name: 'target_classification_id', type: 'uuid' })
  targetClassificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_classification_id' })
  targetClassification?: Relation<Classification>;

  @Column({ type: 'text', default: '' })
  interests!: string;

  @Column({ type: 'text', default: '' })
  statement!: string;

  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn!: string;

  @Column({ name: 'supervisor_acknowledged_at', type: 'timestamptz', nullable: true })
  supervisorAcknowledgedAt!: Date | null;

  @Column({ name: 'supervisor_acknowledged_by', type: 'uuid', nullable: true })
  supervisorAcknowledgedBy!: string | null;

  @Column({ type: 'enum', enum: APPLICATION_STATUSES, default: 'SUBMITTED' })
  status!: ApplicationStatus;

  @Column({ name: 'criteria_set_id', type: 'uuid', nullable: true })
  criteriaSetId!: string | null;

  @ManyToOne(() => SelectionCriteriaSet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criteria_set_id' })
  criteriaSet?: Relation<SelectionCriteriaSet>;

  /** Points per criterion key, as scored by the coordinator. */
  @Column({ type: 'jsonb', nullable: true })
  scores!: Record<string, number> | null;

  @Column({ name: 'total_score', type: 'numeric', precision: 7, scale: 3, nullable: true })
  totalScore!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
