import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { Department } from './department.entity';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'DGS' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2-20 upper-case letters, digits or -' })
  code!: string;

  @ApiProperty({ example: 'Department of General Services' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional({ example: '07-01', description: 'MM-DD the annual report is due' })
  @IsOptional()
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'reportDueMonthDay must be MM-DD',
  })
  reportDueMonthDay?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'State-time training hours per employee and fiscal year',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(2000)
  stateTimeTrainingCapHours?: number | null;

  @ApiPropertyOptional({ default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  smallCellThreshold?: number;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "The department's named UM coordinator: a COORDINATOR user of this department",
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  umCoordinatorUserId?: string | null;

  @ApiPropertyOptional({ example: '07-01' })
  @IsOptional()
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'reportDueMonthDay must be MM-DD',
  })
  reportDueMonthDay?: string;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(2000)
  stateTimeTrainingCapHours?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  smallCellThreshold?: number;
}

export const DEPARTMENT_SORT_FIELDS = ['code', 'name', 'createdAt'] as const;

export class DepartmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEPARTMENT_SORT_FIELDS, default: 'code' })
  @IsOptional()
  @IsIn(DEPARTMENT_SORT_FIELDS)
  sort: (typeof DEPARTMENT_SORT_FIELDS)[number] = 'code';
}

export class DepartmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) umCoordinatorUserId!: string | null;
  @ApiProperty() reportDueMonthDay!: string;
  @ApiProperty({ nullable: true, type: Number }) stateTimeTrainingCapHours!: number | null;
  @ApiProperty() smallCellThreshold!: number;
  @ApiProperty() version!: number;
}

export function toDepartmentDto(department: Department): DepartmentDto {
  return {
    id: department.id,
    code: department.code,
    name: department.name,
    umCoordinatorUserId: department.umCoordinatorUserId,
    reportDueMonthDay: department.reportDueMonthDay,
    stateTimeTrainingCapHours:
      department.stateTimeTrainingCapHours === null
        ? null
        : Number(department.stateTimeTrainingCapHours),
    smallCellThreshold: department.smallCellThreshold,
    version: department.version,
  };
}
