import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  ParticipationDto,
  ParticipationQueryDto,
  ParticipationWithdrawalDto,
  toParticipationDto,
  WithdrawParticipationDto,
} from './applications.dto';
import { ParticipationService } from './participation.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('employees/:id/participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get()
  @RecordRoles()
  @ApiOperation({ summary: "The employee's participation periods" })
  async history(
    @Param('id', UuidParamPipe) employeeId: string,
    @Query() query: ParticipationQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ParticipationDto>> {
    const page = await this.participation.history(employeeId, query, actor);
    return mapPage(page, toParticipationDto);
  }

  @Post('withdraw')
  @HttpCode(200)
  @RecordRoles()
  @ApiOperation({
    summary: 'Close the open participation period (the employee, coordinator or admin)',
    description: "The employee's open career plans are withdrawn with it.",
  })
  @ApiOkResponse({ type: ParticipationWithdrawalDto })
  async withdraw(
    @Param('id', UuidParamPipe) employeeId: string,
    @Body() body: WithdrawParticipationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipationWithdrawalDto> {
    const result = await this.participation.withdraw(employeeId, body, actor);
    return {
      participation: toParticipationDto(result.participation),
      withdrawnPlanIds: result.withdrawnPlanIds,
    };
  }
}
