import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Department } from '../departments/department.entity';

export interface SelectionCriterion {
  key: string;
  label: string;
  /** Relative weight; a score is (points / maxPoints) x weight summed over criteria. */
  weight: number;
  maxPoints: number;
}

/** A department's written selection criteria (Gov Code 19401), versioned; never edited in place. */
@Entity({ name: 'selection_criteria_sets' })
@Index('UQ_selection_criteria_sets_version', ['departmentId', 'version'], { unique: true })
export class SelectionCriteriaSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  criteria!: SelectionCriterion[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
