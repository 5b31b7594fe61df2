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
import { Classification } from '../classifications/classification.entity';
import { Employee } from '../employees/employee.entity';

/** A training and development assignment (2 CCR 438): at most 24 months in any 36. */
@Entity({ name: 'td_assignments' })
@Index('IDX_td_assignments_employee', ['employeeId', 'startDate'])
@Index('IDX_td_assignments_department', ['departmentId', 'startDate'])
export class TdAssignment {
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

  @Column({ name: 'host_unit', type: 'varchar', length: 200 })
  hostUnit!: string;

  /** Set when the host is another department (up to 48 months between jurisdictions). */
  @Column({ name: 'host_department', type: 'varchar', length: 200, nullable: true })
  hostDepartment!: string | null;

  /** The class of the work: the experience counts in this class. */
  @Column({ name: 'work_classification_id', type: 'uuid' })
  workClassificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_classification_id' })
  workClassification?: Classification;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'planned_end_date', type: 'date' })
  plannedEndDate!: string;

  @Column({ name: 'actual_end_date', type: 'date', nullable: true })
  actualEndDate!: string | null;

  @Column({ name: 'time_base_fraction', type: 'numeric', precision: 4, scale: 3, default: 1 })
  timeBaseFraction!: string;

  /** The employee's written request to end early: must be honoured within 10 working days. */
  @Column({ name: 'early_end_requested_on', type: 'date', nullable: true })
  earlyEndRequestedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
