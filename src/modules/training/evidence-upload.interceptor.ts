import { HttpException, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError } from '../../common/errors/domain-error';
import { MAX_EVIDENCE_BYTES } from './evidence-content.rule';
import { evidenceTooLarge } from './training.service';

/**
 * multer through Nest's FileInterceptor: one file in the field `file`, held in memory (multer's
 * default storage when neither `storage` nor `dest` is given; nothing reaches the disk before
 * its content was checked), at most 10 MB. multer's errors become DomainErrors, so they answer
 * in problem+json naming the field like every other refusal.
 */
const MulterSingleFile = FileInterceptor('file', {
  limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0 },
});

@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // multer parses the body before the handler runs: its errors are thrown here.
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

function toDomainError(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const status: number = error.getStatus();
  switch (status) {
    case 413:
      return evidenceTooLarge();
    case 415:
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data', [
        { field: 'file', message: 'must be sent as multipart/form-data' },
      ]);
    case 400:
      return DomainError.validation([
        { field: 'file', message: `the upload could not be read: ${error.message}` },
      ]);
    default:
      return error;
  }
}
