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
import { ProgramApplication } from './program-application.entity';
import { Department } from '../departments/department.entity';
import { Employee } from '../employees/employee.entity';

/**
 * A period of formal participation, opened by an accepted application. Withdrawal closes it
 * (date and reason kept); a later acceptance opens a new period. Never overwritten.
 */
@Entity({ name: 'program_participations' })
@Index('IDX_program_participations_department', ['departmentId', 'startedOn'])
@Index('IDX_program_participations_employee', ['employeeId'])
// One open participation per employee.
@Index('UQ_program_participations_one_open', ['employeeId'], {
  unique: true,
  where: `"withdrawn_on" IS NULL`,
})
export class ProgramParticipation {
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

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ProgramApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<ProgramApplication>;

  @Column({ name: 'started_on', type: 'date' })
  startedOn!: string;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
