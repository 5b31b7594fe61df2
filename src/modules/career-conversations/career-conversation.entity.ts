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
import { Employee } from '../employees/employee.entity';

/** A career conversation with an employee; the plan needs one at least every six months. */
@Entity({ name: 'career_conversations' })
@Index('IDX_career_conversations_employee', ['employeeId', 'heldOn'])
@Index('IDX_career_conversations_department', ['departmentId', 'heldOn'])
export class CareerConversation {
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

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ name: 'held_by_user_id', type: 'uuid' })
  heldByUserId!: string;

  @Column({ type: 'varchar', length: 2000 })
  summary!: string;

  @Column({ name: 'next_steps', type: 'varchar', length: 2000, default: '' })
  nextSteps!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
