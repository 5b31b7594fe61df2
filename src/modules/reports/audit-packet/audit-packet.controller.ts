import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../../../common/auth/actor.decorator';
import type { Actor } from '../../../common/auth/auth-user';
import { Roles } from '../../../common/auth/roles.decorator';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { REPORT_CONTENT_TYPES, sendReportFile } from '../report-file.response';
import { AuditPacketQueryDto } from './audit-packet.dto';
import { AuditPacketService } from './audit-packet.service';

/**
 * The compliance audit packet for the State Personnel Board's review of a department: the
 * department's COORDINATOR and ADMIN (employees named), AUDITOR (references only). Another
 * department's coordinator: 404. Every generation is audited.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('departments/:id/reports/audit')
export class AuditPacketController {
  constructor(private readonly packets: AuditPacketService) {}

  @Get()
  @Roles('ADMIN', 'COORDINATOR', 'AUDITOR')
  @ApiOperation({
    summary:
      'ELTPA appointments checked against the minimum qualifications on their date, T&D limits, training verification, plan approvals, certified reports, audit-chain integrity',
  })
  @ApiProduces(...REPORT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The packet (PDF by default), its hash in X-Content-SHA256' })
  async packet(
    @Param('id', UuidParamPipe) departmentId: string,
    @Query() query: AuditPacketQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.packets.generate(
      { departmentId, from: query.from, to: query.to, audience: query.audience },
      query.format,
      actor,
    );
    return sendReportFile(file, response);
  }
}
