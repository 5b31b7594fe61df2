import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { AnyRole, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { CreateRuleSetDto, RuleSetDto, RuleSetQueryDto, toRuleSetDto } from './rule-sets.dto';
import { RuleSetsService } from './rule-sets.service';

/** Minimum qualifications of target classes: reference data, read by everyone. */
@ApiTags('eligibility')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Versions of the rule sets, newest effective date first' })
  async list(@Query() query: RuleSetQueryDto): Promise<Page<RuleSetDto>> {
    const page = await this.ruleSets.list(query);
    return mapPage(page, toRuleSetDto);
  }

  @Get(':id')
  @AnyRole()
  @ApiOkResponse({ type: RuleSetDto })
  async get(@Param('id', UuidParamPipe) id: string): Promise<RuleSetDto> {
    return toRuleSetDto(await this.ruleSets.get(id));
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Add a version of a class’s minimum qualifications',
    description:
      '400 lists every bad node with its path (e.g. `patterns[1].requirements[0].months`); 409 when the class already has a version taking effect that day.',
  })
  @ApiCreatedResponse({ type: RuleSetDto })
  async create(@Body() body: CreateRuleSetDto, @CurrentActor() actor: Actor): Promise<RuleSetDto> {
    return toRuleSetDto(await this.ruleSets.create(body, actor));
  }
}
