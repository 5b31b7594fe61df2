import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { AnnualReportQueries } from './annual-report.queries';
import { AnnualReportService } from './annual-report.service';
import { ReportsController } from './reports.controller';

/** The annual Upward Mobility Program report: drafts, certified versions, downloads, diffs. */
@Module({
  imports: [EligibilityModule],
  controllers: [ReportsController],
  providers: [AnnualReportQueries, AnnualReportService],
  exports: [AnnualReportService],
})
export class ReportsModule {}
