import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsCalendarDate } from './calendar-date.validator';
import type { ExamListEligibility } from './exam-eligibility.entity';

const CLASS_CODE = /^[0-9A-Z]{3,10}$/;

export class CreateExamListDto {
  @ApiProperty({ example: '5157', description: 'The class of the eligible list' })
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode!: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsCalendarDate()
  listDate!: string;

  @ApiProperty({ example: '2027-03-01', description: 'After listDate' })
  @IsCalendarDate()
  expiresOn!: string;
}

export const EXAM_LIST_SORT_FIELDS = ['listDate', 'expiresOn', 'classCode'] as const;
export type ExamListSortField = (typeof EXAM_LIST_SORT_FIELDS)[number];

export class ExamListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '5157' })
  @IsOptional()
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode?: string;

  @ApiPropertyOptional({
    example: '2025-10-01',
    description: 'Only lists in force on this date (listDate <= date < expiresOn)',
  })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;

  @ApiPropertyOptional({ enum: EXAM_LIST_SORT_FIELDS, default: 'listDate' })
  @IsOptional()
  @IsIn(EXAM_LIST_SORT_FIELDS)
  sort: ExamListSortField = 'listDate';
}

export class ExamListDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() classificationId!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() classTitle!: string;
  @ApiProperty() listDate!: string;
  @ApiProperty() expiresOn!: string;
  @ApiProperty() createdAt!: string;
}

export function toExamListDto(list: ExamListEligibility): ExamListDto {
  return {
    id: list.id,
    employeeId: list.employeeId,
    classificationId: list.classificationId,
    classCode: list.classification?.classCode ?? '',
    classTitle: list.classification?.title ?? '',
    listDate: list.listDate,
    expiresOn: list.expiresOn,
    createdAt: list.createdAt.toISOString(),
  };
}
