import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { CareerPlan } from './career-plan.entity';

/** The plan's workflow history: who submitted, approved, returned, when, with what comment. */
@Entity({ name: 'career_plan_events' })
@Index('IDX_career_plan_events_plan', ['planId', 'occurredAt'])
export class PlanEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CareerPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CareerPlan>;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 20 })
  fromState!: string;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState!: string;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole!: string;

  /** How the actor relates to the employee (OWNER, SUPERVISOR, COORDINATOR, ADMIN). */
  @Column({ name: 'actor_relation', type: 'varchar', length: 20 })
  actorRelation!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
