import * as fs from 'node:fs';
import * as path from 'node:path';
import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG } from '../../config/app-config';
import type { ResolvedAppConfig } from '../../config/app-config';
import { ImportsService } from './imports.service';

/** 200 MiB: a statewide roster of 230,000 rows is about 40 MB as CSV. */
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The upload size limit, read on every request (a provider, so a test can lower it). */
@Injectable()
export class ImportLimits {
  maxBytes = DEFAULT_MAX_IMPORT_BYTES;
}

/** The file multer wrote to disk. */
export interface UploadedImportFile {
  originalname: string;
  mimetype: string;
  size: number;
  path: string;
}

/**
 * multer through Nest's FileInterceptor, as for evidence uploads, but to a temporary file on
 * disk (`<dataDir>/tmp/imports`, private to the service) rather than to memory: an import file
 * may be 100 MB and is then read as a stream. One file in the field `file`, no other fields.
 * Before a byte is received, the department is resolved: a file for a department out of the
 * caller's reach is refused (404) without being read. multer's errors become DomainErrors.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(
    private readonly imports: ImportsService,
    private readonly limits: ImportLimits,
    @Inject(APP_CONFIG) config: ResolvedAppConfig,
  ) {
    const directory = path.join(config.dataDir, 'tmp', 'imports');
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const Upload = FileInterceptor('file', {
      dest: directory,
      limits: () => ({ fileSize: limits.maxBytes, files: 1, fields: 0 }),
    });
    this.multer = new Upload();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context
      .switchToHttp()
      .getRequest<Request & { user?: AuthUser; id?: string | number }>();
    if (request.user) {
      const requested = request.query.departmentId;
      await this.imports.resolveDepartment(
        typeof requested === 'string' || requested === undefined ? requested : '',
        { user: request.user, requestId: String(request.id ?? '') },
      );
    }
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !/^multipart\/form-data/i.test(contentType)) {
      throw notMultipart();
    }
    try {
      // multer parses the body before the handler runs: its errors are thrown here.
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw this.toDomainError(error);
    }
  }

  private toDomainError(error: unknown): unknown {
    if (!(error instanceof HttpException)) return error;
    switch (error.getStatus()) {
      case 413:
        return importTooLarge(this.limits.maxBytes);
      case 415:
        return notMultipart();
      case 400:
        return DomainError.validation([
          {
            field: 'file',
            message: `the upload could not be read (${error.message}): send one file in the field "file", and departmentId and dryRun as query parameters`,
          },
        ]);
      default:
        return error;
    }
  }
}

function notMultipart(): DomainError {
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data', [
    { field: 'file', message: 'must be sent as multipart/form-data (field "file")' },
  ]);
}

export function importTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `Import files may be at most ${Math.floor(maxBytes / (1024 * 1024))} MB`,
    [{ field: 'file', message: `must be at most ${maxBytes} bytes` }],
    { maxBytes },
  );
}
