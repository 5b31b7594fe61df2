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
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import type { EthnicityCode, GenderCode, YesNoDeclined } from './demographics';

export const TIME_BASES = ['FULL_TIME', 'PART_TIME', 'INTERMITTENT'] as const;
export type TimeBase = (typeof TIME_BASES)[number];

export const EMPLOYEE_STATUSES = ['ACTIVE', 'SEPARATED'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const EDUCATION_LEVELS = [
  'NONE',
  'HIGH_SCHOOL',
  'ASSOCIATE',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A state employee of one department, with current class and voluntary self-identification. */
@Entity({ name: 'employees' })
@Index('UQ_employees_department_number', ['departmentId', 'employeeNumber'], { unique: true })
@Index('IDX_employees_department_class', ['departmentId', 'classificationId'])
@Index('IDX_employees_supervisor', ['supervisorId'])
export class Employee {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ name: 'employee_number', type: 'varchar', length: 20 })
  employeeNumber!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ name: 'work_email', type: 'varchar', length: 254, nullable: true })
  workEmail!: string | null;

  @Column({ name: 'classification_id', type: 'uuid' })
  classificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'classification_id' })
  classification?: Classification;

  @Column({ name: 'position_number', type: 'varchar', length: 30, nullable: true })
  positionNumber!: string | null;

  @Column({ name: 'time_base', type: 'enum', enum: TIME_BASES, default: 'FULL_TIME' })
  timeBase!: TimeBase;

  /** 1 for full time; the fraction for part time (e.g. 0.5); 0 for intermittent. */
  @Column({ name: 'time_base_fraction', type: 'numeric', precision: 4, scale: 3, default: 1 })
  timeBaseFraction!: string;

  @Column({ name: 'hire_date', type: 'date' })
  hireDate!: string;

  /** The employee record of the direct supervisor. */
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId!: string | null;

  @ManyToOne(() => Employee, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Employee;

  @Column({ type: 'enum', enum: EMPLOYEE_STATUSES, default: 'ACTIVE' })
  status!: EmployeeStatus;

  @Column({ name: 'separated_on', type: 'date', nullable: true })
  separatedOn!: string | null;

  @Column({ name: 'education_level', type: 'enum', enum: EDUCATION_LEVELS, nullable: true })
  educationLevel!: EducationLevel | null;

  @Column({
    name: 'college_semester_units',
    type: 'numeric',
    precision: 6,
    scale: 1,
    default: 0,
  })
  collegeSemesterUnits!: string;

  /** Licenses and certificates held (codes), for minimum qualifications that require one. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  licenses!: string[];

  // Voluntary self-identification: seen only by ADMIN and the department's COORDINATOR.
  @Column({ type: 'varchar', array: true, nullable: true })
  ethnicities!: EthnicityCode[] | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  gender!: GenderCode | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  disability!: YesNoDeclined | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  veteran!: YesNoDeclined | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
