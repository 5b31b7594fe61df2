import { Module } from '@nestjs/common';
import { TdAssignmentsController } from './td-assignments.controller';
import { TdAssignmentsService } from './td-assignments.service';

@Module({
  controllers: [TdAssignmentsController],
  providers: [TdAssignmentsService],
  exports: [TdAssignmentsService],
})
export class TdAssignmentsModule {}
