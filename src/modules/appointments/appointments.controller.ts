import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  AppointmentDto,
  AppointmentQueryDto,
  CreateAppointmentDto,
  CreatedAppointmentDto,
  toAppointmentDto,
  UpwardMovesDto,
  UpwardMovesQueryDto,
} from './appointments.dto';
import { AppointmentsService } from './appointments.service';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  /** The class history: whoever may see the employee (never AUDITOR), 404 outside scope. */
  @Get('employees/:id/appointments')
  @RecordRoles()
  async list(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: AppointmentQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<AppointmentDto>> {
    const page = await this.appointments.list(id, query, actor);
    return mapPage(page, toAppointmentDto);
  }

  @Post('employees/:id/appointments')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: CreatedAppointmentDto })
  async create(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CreateAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedAppointmentDto> {
    const { appointment, appliedToEmployee } = await this.appointments.create(id, body, actor);
    return { ...toAppointmentDto(appointment), appliedToEmployee };
  }

  /** Counts for ADMIN and AUDITOR; the department's COORDINATOR also sees who moved. */
  @Get('departments/:id/upward-moves')
  @Roles('ADMIN', 'AUDITOR', 'COORDINATOR')
  @ApiOkResponse({ type: UpwardMovesDto })
  async upwardMoves(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: UpwardMovesQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<UpwardMovesDto> {
    return this.appointments.upwardMoves(id, query, actor);
  }
}
