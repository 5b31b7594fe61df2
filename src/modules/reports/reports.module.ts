import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { AnnualReportQueries } from './annual-report.queries';
import { AuditPacketController } from './audit-packet/audit-packet.controller';
import { AuditPacketService } from './audit-packet/audit-packet.service';
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
  controllers: [
    ReportsController,
    ExceptionsReportController,
    StatewideRollupController,
    AuditPacketController,
  ],
  providers: [
    AnnualReportQueries,
    AnnualReportService,
    AuditPacketService,
    EligibilityPipeline,
    ExceptionsReportService,
    StatewideRollupService,
  ],
  exports: [
    AnnualReportService,
    AuditPacketService,
    ExceptionsReportService,
    StatewideRollupService,
  ],
})
export class ReportsModule {}
