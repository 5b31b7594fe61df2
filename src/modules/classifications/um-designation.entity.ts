import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Department } from '../departments/department.entity';
import { Classification } from './classification.entity';

export const DESIGNATIONS = ['LPEL', 'BRIDGING', 'ELTPA'] as const;
export type Designation = (typeof DESIGNATIONS)[number];

/**
 * A department's upward mobility designation of one class for one fiscal year. A class's status
 * is always read through this table, never from its occupational group.
 */
@Entity({ name: 'um_designations' })
@Index('UQ_um_designations_class_year', ['departmentId', 'fiscalYear', 'classificationId'], {
  unique: true,
})
export class UmDesignationRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  /** State fiscal year, e.g. `2025-26`. */
  @Column({ name: 'fiscal_year', type: 'char', length: 7 })
  fiscalYear!: string;

  @Column({ name: 'classification_id', type: 'uuid' })
  classificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'classification_id' })
  classification?: Classification;

  @Column({ type: 'enum', enum: DESIGNATIONS })
  designation!: Designation;

  /** For LPEL and bridging classes: the ELTPA target classes their career ladder leads to. */
  @Column({
    name: 'ladder_target_class_codes',
    type: 'varchar',
    array: true,
    default: () => "'{}'",
  })
  ladderTargetClassCodes!: string[];
}
