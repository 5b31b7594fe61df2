import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CareerPlan } from './career-plan.entity';

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

export const ACTIVITY_STATUSES = ['PLANNED', 'DONE', 'DROPPED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

@Entity({ name: 'career_plan_activities' })
@Index('IDX_career_plan_activities_plan', ['planId'])
export class PlanActivity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CareerPlan, (plan) => plan.activities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CareerPlan>;

  @Column({ type: 'enum', enum: ACTIVITY_KINDS })
  kind!: ActivityKind;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate!: string | null;

  @Column({ name: 'planned_hours', type: 'numeric', precision: 7, scale: 2, nullable: true })
  plannedHours!: string | null;

  @Column({ type: 'enum', enum: ACTIVITY_STATUSES, default: 'PLANNED' })
  status!: ActivityStatus;

  /** The unmet minimum qualification this activity closes, when made from an eligibility gap. */
  @Column({ name: 'source_requirement', type: 'varchar', length: 200, nullable: true })
  sourceRequirement!: string | null;
}
