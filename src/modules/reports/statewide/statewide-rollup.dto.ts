import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STATEWIDE_FORMATS } from './statewide-rollup.formats';
import type { StatewideFormat } from './statewide-rollup.formats';

export class StatewideRollupQueryDto {
  @ApiPropertyOptional({ enum: STATEWIDE_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATEWIDE_FORMATS)
  format: StatewideFormat = 'json';
}

