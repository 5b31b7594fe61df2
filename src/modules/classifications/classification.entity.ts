import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EEO4_CATEGORIES, OCCUPATIONAL_GROUPS } from './occupational-groups';
import type { Eeo4Category, OccupationalGroup } from './occupational-groups';

/** A civil service classification (class code + title) from the statewide catalog. */
@Entity({ name: 'classifications' })
export class Classification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'class_code', type: 'varchar', length: 10, unique: true })
  classCode!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'occupational_group', type: 'enum', enum: OCCUPATIONAL_GROUPS })
  occupationalGroup!: OccupationalGroup;

  /** Monthly salary range, dollars. */
  @Column({ name: 'salary_low', type: 'numeric', precision: 10, scale: 2 })
  salaryLow!: string;

  @Column({ name: 'salary_high', type: 'numeric', precision: 10, scale: 2 })
  salaryHigh!: string;

  @Column({ name: 'eeo4_category', type: 'enum', enum: EEO4_CATEGORIES })
  eeo4Category!: Eeo4Category;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
