import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** A rendered report file as a download. */
export interface ReportFileResponse {
  content: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** The media type sent with each format of report file. */
export const REPORT_FILE_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** For OpenAPI's `produces`. */
export const REPORT_CONTENT_TYPES = Object.values(REPORT_FILE_TYPES).map(
  (type) => type.split(';')[0],
);

function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}

/** The file with its hash in `X-Content-SHA256`, never cached by shared caches. */
export function sendReportFile(file: ReportFileResponse, response: Response): StreamableFile {
  response.setHeader('X-Content-SHA256', file.sha256);
  response.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: contentDisposition(file.fileName),
    length: file.content.length,
  });
}
