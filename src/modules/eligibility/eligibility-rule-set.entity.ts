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
import { Classification } from '../classifications/classification.entity';
import type { RuleSet } from './rule-set';

/**
 * A version of a target class's minimum qualifications, in force from `effectiveFrom` until the
 * next version's date: a report for an earlier year evaluates the rules then in force.
 * Versions are added, never edited.
 */
@Entity({ name: 'eligibility_rule_sets' })
@Index('UQ_eligibility_rule_sets_version', ['classificationId', 'effectiveFrom'], { unique: true })
export class EligibilityRuleSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'classification_id', type: 'uuid' })
  classificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'classification_id' })
  classification?: Relation<Classification>;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The validated rule set (see rule-set.ts). */
  @Column({ type: 'jsonb' })
  definition!: RuleSet;

  @Column({ type: 'boolean', default: false })
  illustrative!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
