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
import { Department } from '../departments/department.entity';

export interface ClassMoveGoal {
  classCode: string;
  count: number;
}

/** A department's upward mobility goals for one fiscal year (Gov Code 19402). */
@Entity({ name: 'annual_goals' })
@Index('UQ_annual_goals_department_year', ['departmentId', 'fiscalYear'], { unique: true })
export class AnnualGoal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ name: 'fiscal_year', type: 'char', length: 7 })
  fiscalYear!: string;

  /** Employees expected to move from LPEL/bridging into ELTPA classes. */
  @Column({ name: 'move_goal', type: 'int' })
  moveGoal!: number;

  @Column({ name: 'move_goals_by_class', type: 'jsonb', default: () => "'[]'" })
  moveGoalsByClass!: ClassMoveGoal[];

  @Column({ name: 'participant_goal', type: 'int', default: 0 })
  participantGoal!: number;

  @Column({ name: 'plan_goal', type: 'int', default: 0 })
  planGoal!: number;

  @Column({ name: 'training_hours_goal', type: 'numeric', precision: 10, scale: 2, default: 0 })
  trainingHoursGoal!: string;

  @Column({ name: 'apprentice_goal', type: 'int', nullable: true })
  apprenticeGoal!: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  budget!: string | null;

  @Column({ type: 'text', default: '' })
  narrative!: string;

  /** Required when the move goal was missed in the two previous fiscal years. */
  @Column({ name: 'missed_goals_explanation', type: 'text', nullable: true })
  missedGoalsExplanation!: string | null;

  @Column({ name: 'two_year_plan', type: 'text', nullable: true })
  twoYearPlan!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
