import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { ISO_DATE } from '../career-plans/career-plans.dto';
import type { CareerConversation } from './career-conversation.entity';

export class CreateCareerConversationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  employeeId!: string;

  @ApiProperty({ example: '2026-11-20', description: 'Not in the future' })
  @Matches(ISO_DATE, { message: 'heldOn must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'heldOn must be a real date' })
  heldOn!: string;

  @ApiProperty({ example: 'Reviewed progress toward the SSA exam' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary!: string;

  @ApiPropertyOptional({ example: 'Enroll in the spring accounting course' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  nextSteps?: string;
}

export const CONVERSATION_SORT_FIELDS = ['heldOn', 'createdAt'] as const;

export class CareerConversationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Held on or after' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Held on or before' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date' })
  to?: string;

  @ApiPropertyOptional({ enum: CONVERSATION_SORT_FIELDS, default: 'heldOn' })
  @IsOptional()
  @IsIn(CONVERSATION_SORT_FIELDS)
  sort: (typeof CONVERSATION_SORT_FIELDS)[number] = 'heldOn';
}

export class CareerConversationDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() heldOn!: string;
  @ApiProperty() heldByUserId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() nextSteps!: string;
  @ApiProperty() createdAt!: string;
}

export function toCareerConversationDto(conversation: CareerConversation): CareerConversationDto {
  return {
    id: conversation.id,
    departmentId: conversation.departmentId,
    employeeId: conversation.employeeId,
    heldOn: conversation.heldOn,
    heldByUserId: conversation.heldByUserId,
    summary: conversation.summary,
    nextSteps: conversation.nextSteps,
    createdAt: conversation.createdAt.toISOString(),
  };
}
