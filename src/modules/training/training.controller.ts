import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import {
  BulkVerifyDto,
  BulkVerifyResultDto,
  CreateTrainingRecordDto,
  EvidenceFileDto,
  RejectTrainingRecordDto,
  toEvidenceFileDto,
  toTrainingRecordDetailDto,
  toTrainingRecordDto,
  TrainingRecordDetailDto,
  TrainingRecordDto,
  TrainingRecordQueryDto,
} from './training.dto';
import { TrainingService } from './training.service';
import type { UploadedEvidence } from './training.service';

/** Who has individual records: everyone but the auditor, who reads aggregates only. */
const RECORD_ROLES = ['ADMIN', 'COORDINATOR', 'SUPERVISOR', 'EMPLOYEE'] as const;

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('training')
@ApiBearerAuth()
@Controller('training-records')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get()
  @Roles(...RECORD_ROLES)
  async list(
    @Query() query: TrainingRecordQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<TrainingRecordDto>> {
    const page = await this.training.list(query, actor);
    return mapPage(page, toTrainingRecordDto);
  }

  @Post()
  @Roles(...RECORD_ROLES)
  @ApiCreatedResponse({ type: TrainingRecordDto })
  async create(
    @Body() body: CreateTrainingRecordDto,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingRecordDto> {
    return toTrainingRecordDto(await this.training.create(body, actor));
  }

  @Post('verify')
  @HttpCode(200)
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: BulkVerifyResultDto })
  async verifyMany(
    @Body() body: BulkVerifyDto,
    @CurrentActor() actor: Actor,
  ): Promise<BulkVerifyResultDto> {
    const records = await this.training.verifyMany(body, actor);
    return { verified: records.length, items: records.map(toTrainingRecordDto) };
  }

  @Get(':id')
  @Roles(...RECORD_ROLES)
  @ApiOkResponse({ type: TrainingRecordDetailDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingRecordDetailDto> {
    const { record, evidence } = await this.training.get(id, actor);
    return toTrainingRecordDetailDto(record, evidence);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: TrainingRecordDto })
  async verify(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingRecordDto> {
    return toTrainingRecordDto(await this.training.verify(id, actor));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: TrainingRecordDto })
  async reject(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RejectTrainingRecordDto,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingRecordDto> {
    return toTrainingRecordDto(await this.training.reject(id, body, actor));
  }

  @Post(':id/evidence')
  @Roles(...RECORD_ROLES)
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'A PDF, PNG or JPEG of at most 10 MB; its type is read from its content',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: EvidenceFileDto })
  async addEvidence(
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileDto> {
    return toEvidenceFileDto(await this.training.addEvidence(id, file, actor));
  }

  @Get(':id/evidence/:fileId')
  @Roles(...RECORD_ROLES)
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', UuidParamPipe) id: string,
    @Param('fileId', UuidParamPipe) fileId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const { file, content } = await this.training.evidenceContent(id, fileId, actor);
    return new StreamableFile(content, {
      type: file.mediaType,
      disposition: contentDisposition(file.fileName),
      length: content.length,
    });
  }
}
