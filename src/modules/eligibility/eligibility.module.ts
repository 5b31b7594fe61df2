import { Module } from '@nestjs/common';
import { EligibilityFactsLoader } from './eligibility-facts.loader';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { PlanGapsService } from './plan-gaps.service';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

/**
 * Explainable eligibility: minimum qualifications of target classes as versioned data, each
 * employee measured against them requirement by requirement, department lists, and gaps turned
 * into career plan activities.
 */
@Module({
  controllers: [RuleSetsController, EligibilityController],
  providers: [RuleSetsService, EligibilityFactsLoader, EligibilityService, PlanGapsService],
  exports: [RuleSetsService, EligibilityFactsLoader, EligibilityService],
})
export class EligibilityModule {}
