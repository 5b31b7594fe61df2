import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ProgramParticipation } from '../applications/participation.entity';
import type { Relation } from 'typeorm';
import { Department } from '../departments/department.entity';
import { Employee } from '../employees/employee.entity';
import { PLAN_STATES } from './plan-workflow.rule';
import type { PlanState } from './plan-workflow.rule';
import { PlanActivity } from './plan-activity.entity';

/** An employee's career development plan (Gov Code 19401(a)), moved through its workflow. */
@Entity({ name: 'career_plans' })
@Index('IDX_career_plans_department_state', ['departmentId', 'state'])
@Index('IDX_career_plans_employee', ['employeeId'])
// At most one open plan per employee, enforced by the database too.
@Index('UQ_career_plans_one_open', ['employeeId'], {
  unique: true,
  where: `"state" NOT IN ('COMPLETED', 'WITHDRAWN')`,
})
export class CareerPlan {
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

  @Column({ name: 'participation_id', type: 'uuid', nullable: true })
  participationId!: string | null;

  @ManyToOne(() => ProgramParticipation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Relation<ProgramParticipation>;

  @Column({ name: 'target_class_codes', type: 'varchar', array: true, default: () => "'{}'" })
  targetClassCodes!: string[];

  @Column({ type: 'text', default: '' })
  goals!: string;

  @Column({ type: 'enum', enum: PLAN_STATES, default: 'DRAFT' })
  state!: PlanState;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'last_comment', type: 'text', nullable: true })
  lastComment!: string | null;

  @OneToMany(() => PlanActivity, (activity) => activity.plan)
  activities?: Relation<PlanActivity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic locking: writers send it back (If-Match); a stale one is a 409. */
  @VersionColumn()
  version!: number;
}
