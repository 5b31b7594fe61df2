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
import { Classification } from '../classifications/classification.entity';
import { Employee } from '../employees/employee.entity';

export const APPOINTMENT_TYPES = [
  'HIRE',
  'PROMOTION',
  'TRANSFER',
  'TD_START',
  'TD_END',
  'DEMOTION',
  'SEPARATION',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

/**
 * One step of an employee's class history. Whether it is an upward mobility move is derived
 * when it is recorded, from the department's designations in force on the effective date, and
 * kept with the designations it was judged by.
 */
@Entity({ name: 'appointments' })
@Index('IDX_appointments_employee_date', ['employeeId', 'effectiveDate'])
@Index('IDX_appointments_department_date', ['departmentId', 'effectiveDate'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Employee;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'enum', enum: APPOINTMENT_TYPES })
  type!: AppointmentType;

  @Column({ name: 'from_classification_id', type: 'uuid', nullable: true })
  fromClassificationId!: string | null;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_classification_id' })
  fromClassification?: Classification;

  @Column({ name: 'to_classification_id', type: 'uuid', nullable: true })
  toClassificationId!: string | null;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_classification_id' })
  toClassification?: Classification;

  @Column({ name: 'time_base_fraction', type: 'numeric', precision: 4, scale: 3, default: 1 })
  timeBaseFraction!: string;

  @Column({ name: 'from_designation', type: 'varchar', length: 10, default: 'NONE' })
  fromDesignation!: string;

  @Column({ name: 'to_designation', type: 'varchar', length: 10, default: 'NONE' })
  toDesignation!: string;

  @Column({ name: 'is_upward_mobility_move', type: 'boolean', default: false })
  isUpwardMobilityMove!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
