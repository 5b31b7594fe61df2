import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Classification } from '../classifications/classification.entity';
import { Employee } from './employee.entity';

/** A place on an eligible list for a class, valid from the list date until it expires. */
@Entity({ name: 'exam_list_eligibilities' })
@Index('IDX_exam_list_eligibilities_employee', ['employeeId'])
export class ExamListEligibility {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @ManyToOne(() => Employee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee?: Employee;

  @Column({ name: 'classification_id', type: 'uuid' })
  classificationId!: string;

  @ManyToOne(() => Classification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'classification_id' })
  classification?: Classification;

  @Column({ name: 'list_date', type: 'date' })
  listDate!: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
