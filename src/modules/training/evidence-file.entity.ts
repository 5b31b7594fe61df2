import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TrainingRecord } from './training-record.entity';

/** A certificate or transcript (PDF or image) stored under the data dir, named by its SHA-256. */
@Entity({ name: 'training_evidence_files' })
@Index('IDX_training_evidence_files_record', ['trainingRecordId'])
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'training_record_id', type: 'uuid' })
  trainingRecordId!: string;

  @ManyToOne(() => TrainingRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_record_id' })
  trainingRecord?: TrainingRecord;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
