import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { AnnualReportQueries } from './annual-report.queries';
import { AnnualReportService } from './annual-report.service';
import { ExceptionsReportController } from './exceptions/exceptions.controller';
import { ExceptionsReportService } from './exceptions/exceptions.service';
import { ReportsController } from './reports.controller';

/** The annual Upward Mobility Program report: drafts, certified versions, downloads, diffs. */
@Module({
  imports: [EligibilityModule],
  controllers: [ReportsController, ExceptionsReportController],
  providers: [AnnualReportQueries, AnnualReportService, ExceptionsReportService],
  exports: [AnnualReportService],
})
export class ReportsModule {}
