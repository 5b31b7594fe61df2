import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { AnnualReportQueries } from './annual-report.queries';
import { AnnualReportService } from './annual-report.service';
import { EligibilityPipeline } from './eligibility-pipeline.service';
import { ExceptionsReportController } from './exceptions/exceptions.controller';
import { ExceptionsReportService } from './exceptions/exceptions.service';
import { ReportsController } from './reports.controller';
import { StatewideRollupController } from './statewide/statewide-rollup.controller';
import { StatewideRollupService } from './statewide/statewide-rollup.service';

/** The annual Upward Mobility Program report: drafts, certified versions, downloads, diffs. */
@Module({
  imports: [EligibilityModule],
  controllers: [ReportsController, ExceptionsReportController, StatewideRollupController],
  providers: [
    AnnualReportQueries,
    AnnualReportService,
    EligibilityPipeline,
    ExceptionsReportService,
    StatewideRollupService,
  ],
  exports: [AnnualReportService, ExceptionsReportService, StatewideRollupService],
})
export class ReportsModule {}
