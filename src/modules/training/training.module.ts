import { Module } from '@nestjs/common';
import { EvidenceStore } from './evidence-store';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

@Module({
  controllers: [TrainingController],
  providers: [TrainingService, EvidenceStore, EvidenceUploadInterceptor],
  exports: [TrainingService],
})
export class TrainingModule {}
