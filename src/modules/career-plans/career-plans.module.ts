import { Module } from '@nestjs/common';
import { CareerPlansController } from './career-plans.controller';
import { CareerPlansService } from './career-plans.service';

/** Career development plans (Gov Code 19401(a)): content, workflow, optimistic locking. */
@Module({
  controllers: [CareerPlansController],
  providers: [CareerPlansService],
  exports: [CareerPlansService],
})
export class CareerPlansModule {}
