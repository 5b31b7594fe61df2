import { Module } from '@nestjs/common';
import { CareerPlansModule } from '../career-plans/career-plans.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';
import { SelectionCriteriaController } from './selection-criteria.controller';
import { SelectionCriteriaService } from './selection-criteria.service';

/** Selection criteria, applications and their decisions, formal participation periods. */
@Module({
  imports: [CareerPlansModule],
  controllers: [SelectionCriteriaController, ApplicationsController, ParticipationController],
  providers: [SelectionCriteriaService, ApplicationsService, ParticipationService],
  exports: [ApplicationsService, ParticipationService],
})
export class ApplicationsModule {}
