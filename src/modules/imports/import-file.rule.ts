/**
 * What kind of file was uploaded (judged from its name and its first bytes, never from the
 * client's content type alone), and an incremental UTF-8 check for CSV text. Pure.
 */

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_MEDIA_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Enough of the file's beginning for formatOfUpload. */
export const FORMAT_SNIFF_BYTES = 8;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** The compound file of Excel 97-2003 (.xls). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => head[index] === byte);
}

export type FormatVerdict =
  | { ok: true; format: ImportFormat }
  | { ok: false; reason: 'EMPTY' | 'UNSUPPORTED'; message: string };

/**
 * `.csv` (or `.txt`) text, or an `.xlsx` workbook (a ZIP container). A name and a content that
 * disagree are refused: an XLSX renamed `.csv` would otherwise be read as garbage text.
 */
export function formatOfUpload(fileName: string, head: Uint8Array, size: number): FormatVerdict {
  if (size === 0) return { ok: false, reason: 'EMPTY', message: 'the file is empty' };
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  const zip = startsWith(head, ZIP_SIGNATURE);
  const ole = startsWith(head, OLE_SIGNATURE);
  if (extension === 'xls' || ole) {
    return {
      ok: false,
      reason: 'UNSUPPORTED',
      message: 'Excel 97-2003 workbooks (.xls) are not read: save the file as .xlsx or CSV',
    };
  }
  switch (extension) {
    case 'xlsx':
      return zip
        ? { ok: true, format: 'xlsx' }
        : {
            ok: false,
            reason: 'UNSUPPORTED',
            message: 'the file is named .xlsx but is not an Excel workbook',
          };
    case 'csv':
    case 'txt':
      return zip
        ? {
            ok: false,
            reason: 'UNSUPPORTED',
            message: 'the file is named .csv but is a ZIP or XLSX file: name it .xlsx',
          }
        : { ok: true, format: 'csv' };
    default:
      return {
        ok: false,
        reason: 'UNSUPPORTED',
        message: `send a .csv or .xlsx file (not ${extension ? `.${extension}` : 'a file without an extension'})`,
      };
  }
}

/** Where an incremental UTF-8 check stands between two chunks. */
export interface Utf8State {
  /** Continuation bytes still expected. */
  needed: number;
  /** Bounds of the next continuation byte (narrower after E0, ED, F0 and F4). */
  lower: number;
  upper: number;
}

export const UTF8_START: Utf8State = { needed: 0, lower: 0x80, upper: 0xbf };

/**
 * Checks one chunk of a byte stream as UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF), carrying `state` across chunk boundaries. `invalidAt` is the index in this chunk of
 * the first byte that cannot be part of valid UTF-8, or null. At the end of the stream a state
 * with `needed > 0` means the text stops in the middle of a character.
 */
export function scanUtf8(
  bytes: Uint8Array,
  state: Utf8State,
): { state: Utf8State; invalidAt: number | null } {
  let { needed, lower, upper } = state;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (needed === 0) {
      if (byte <= 0x7f) continue;
      if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
      } else {
        return { state: UTF8_START, invalidAt: index };
      }
      continue;
    }
    if (byte < lower || byte > upper) return { state: UTF8_START, invalidAt: index };
    lower = 0x80;
    upper = 0xbf;
    needed -= 1;
  }
  return { state: { needed, lower, upper }, invalidAt: null };
}
