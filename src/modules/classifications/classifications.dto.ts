import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { Classification } from './classification.entity';
import { EEO4_CATEGORIES, OCCUPATIONAL_GROUPS } from './occupational-groups';
import type { Eeo4Category, OccupationalGroup } from './occupational-groups';
import { DESIGNATIONS } from './um-designation.entity';
import type { Designation, UmDesignationRecord } from './um-designation.entity';

const CLASS_CODE = /^[0-9A-Z]{3,10}$/;

export class CreateClassificationDto {
  @ApiProperty({ example: '5157' })
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode!: string;

  @ApiProperty({ example: 'Staff Services Analyst (General)' })
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ enum: OCCUPATIONAL_GROUPS })
  @IsIn(OCCUPATIONAL_GROUPS)
  occupationalGroup!: OccupationalGroup;

  @ApiProperty({ description: 'Monthly, dollars' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  salaryLow!: number;

  @ApiProperty({ description: 'Monthly, dollars; not below salaryLow' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  salaryHigh!: number;

  @ApiProperty({ enum: EEO4_CATEGORIES })
  @IsIn(EEO4_CATEGORIES)
  eeo4Category!: Eeo4Category;
}

export class UpdateClassificationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  title?: string;

  @ApiPropertyOptional({ enum: OCCUPATIONAL_GROUPS })
  @IsOptional()
  @IsIn(OCCUPATIONAL_GROUPS)
  occupationalGroup?: OccupationalGroup;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  salaryLow?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  salaryHigh?: number;

  @ApiPropertyOptional({ enum: EEO4_CATEGORIES })
  @IsOptional()
  @IsIn(EEO4_CATEGORIES)
  eeo4Category?: Eeo4Category;
}

export const CLASSIFICATION_SORT_FIELDS = ['classCode', 'title', 'salaryLow'] as const;

export class ClassificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OCCUPATIONAL_GROUPS })
  @IsOptional()
  @IsIn(OCCUPATIONAL_GROUPS)
  occupationalGroup?: OccupationalGroup;

  @ApiPropertyOptional({ description: 'Search in class code and title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CLASSIFICATION_SORT_FIELDS, default: 'classCode' })
  @IsOptional()
  @IsIn(CLASSIFICATION_SORT_FIELDS)
  sort: (typeof CLASSIFICATION_SORT_FIELDS)[number] = 'classCode';
}

export class ClassificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: OCCUPATIONAL_GROUPS }) occupationalGroup!: OccupationalGroup;
  @ApiProperty() salaryLow!: number;
  @ApiProperty() salaryHigh!: number;
  @ApiProperty({ enum: EEO4_CATEGORIES }) eeo4Category!: Eeo4Category;
}

export function toClassificationDto(classification: Classification): ClassificationDto {
  return {
    id: classification.id,
    classCode: classification.classCode,
    title: classification.title,
    occupationalGroup: classification.occupationalGroup,
    salaryLow: Number(classification.salaryLow),
    salaryHigh: Number(classification.salaryHigh),
    eeo4Category: classification.eeo4Category,
  };
}

export class DesignationItemDto {
  @ApiProperty({ example: '1441' })
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode!: string;

  @ApiProperty({ enum: DESIGNATIONS })
  @IsIn(DESIGNATIONS)
  designation!: Designation;

  @ApiPropertyOptional({
    type: [String],
    example: ['5157'],
    description: 'ELTPA targets of this ladder',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CLASS_CODE, { each: true, message: 'each ladder target must be a class code' })
  ladderTargetClassCodes?: string[];
}

export class ReplaceDesignationsDto {
  @ApiProperty({ type: [DesignationItemDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => DesignationItemDto)
  designations!: DesignationItemDto[];
}

export class DesignationDto {
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DESIGNATIONS }) designation!: Designation;
  @ApiProperty({ type: [String] }) ladderTargetClassCodes!: string[];
}

export class DepartmentDesignationsDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '2025-26' }) fiscalYear!: string;
  @ApiProperty({ type: [DesignationDto] }) designations!: DesignationDto[];
}

export function toDesignationDto(
  record: UmDesignationRecord & { classification: Classification },
): DesignationDto {
  return {
    classCode: record.classification.classCode,
    title: record.classification.title,
    designation: record.designation,
    ladderTargetClassCodes: record.ladderTargetClassCodes,
  };
}
