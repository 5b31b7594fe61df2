import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { User } from '../users/user.entity';

/** A state department (appointing authority) running its own upward mobility program. */
@Entity({ name: 'departments' })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The department's named upward mobility coordinator (CalHR HR Manual 1005): a COORDINATOR user. */
  @Column({ name: 'um_coordinator_user_id', type: 'uuid', nullable: true })
  umCoordinatorUserId!: string | null;

  // By entity name, not class: users already import this module (no import cycle).
  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'um_coordinator_user_id',
    foreignKeyConstraintName: 'FK_departments_um_coordinator',
  })
  umCoordinator?: Relation<User>;

  /** Month and day the annual UM report is due (statute: July 1; older guidance: June 1). */
  @Column({ name: 'report_due_month_day', type: 'char', length: 5, default: '07-01' })
  reportDueMonthDay!: string;

  /** Paid (state-time) training hours allowed per employee and fiscal year; null = no cap. */
  @Column({
    name: 'state_time_training_cap_hours',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
  })
  stateTimeTrainingCapHours!: string | null;

  /** Counts below this are hidden in anything that leaves the department. */
  @Column({ name: 'small_cell_threshold', type: 'int', default: 5 })
  smallCellThreshold!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
