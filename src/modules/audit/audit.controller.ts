import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { AuditEntryDto, AuditQueryDto, AuditVerificationDto, toAuditEntryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR', 'COORDINATOR')
  @ApiOperation({ summary: 'Audit trail, filtered; a coordinator sees their department only' })
  async list(
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<AuditEntryDto>> {
    const page = await this.audit.list(query, actor);
    return mapPage(page, toAuditEntryDto);
  }

  @Get('verify')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ summary: 'Walk the hash chain: OK with the count, or the first bad entry' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
