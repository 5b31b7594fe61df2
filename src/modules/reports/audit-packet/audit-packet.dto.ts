import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../employees/calendar-date.validator';
import { AUDIT_PACKET_AUDIENCES, AUDIT_PACKET_FORMATS } from './audit-packet.types';
import type { AuditPacketAudience, AuditPacketFormat } from './audit-packet.types';

export class AuditPacketQueryDto {
  @ApiPropertyOptional({
    example: '2023-07-01',
    description: 'First day of the period; default: the start of the last three complete fiscal years',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'Last day of the period; default: the end of the last complete fiscal year',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_PACKET_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(AUDIT_PACKET_FORMATS)
  format: AuditPacketFormat = 'pdf';

  @ApiPropertyOptional({
    enum: AUDIT_PACKET_AUDIENCES,
    description:
      'department: employees named; oversight: by reference only. AUDITOR always receives (and may only ask for) oversight',
  })
  @IsOptional()
  @IsIn(AUDIT_PACKET_AUDIENCES)
  audience?: AuditPacketAudience;
}
