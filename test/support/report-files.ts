import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Response } from 'supertest';
import type { Test } from 'supertest';

/** A supertest request whose body is collected as raw bytes (PDF, XLSX, anything). */
export function asBytes(request: Test): Test {
  return request.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

export const bodyBytes = (response: Response): Buffer => response.body as Buffer;

/**
 * The text of every page of a PDF, pages in order, by pdf-parse in a child Node process: under
 * Jest, pdf.js cannot load its worker (a dynamic import Jest's VM refuses without
 * --experimental-vm-modules).
 */
export function pdfPages(pdf: Buffer): Promise<string[]> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify(result.pages.map((page) => page.text)));
    });`;
  return new Promise((resolvePages, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../..'),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pdf-parse failed: ${Buffer.concat(err).toString()}`));
      else resolvePages(JSON.parse(Buffer.concat(out).toString('utf8')) as string[]);
    });
    child.stdin.end(pdf);
  });
}

export type SheetRow = Record<string, unknown>;

/** A table sheet's rows keyed by its header cells: the header is the frozen row. */
export function sheetRows(sheet: Worksheet): SheetRow[] {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  const headerRow = view?.ySplit ?? 1;
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, column) => {
    headers[column] = cell.text;
  });
  const rows: SheetRow[] = [];
  for (let index = headerRow + 1; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    if (!row.hasValues) continue;
    const record: SheetRow = {};
    headers.forEach((header, column) => {
      if (header) record[header] = row.getCell(column).value ?? null;
    });
    rows.push(record);
  }
  return rows;
}

export async function readWorkbook(content: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found)
    throw new Error(`no sheet "${name}" in ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return found;
}
