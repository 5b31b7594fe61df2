import { detectEvidenceMediaType, safeEvidenceFileName } from './evidence-content.rule';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('detectEvidenceMediaType (from content, never from the name)', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF header', text('%PDF-1.4\n%...'), 'application/pdf'],
    ['a PNG signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['a JPEG start of image', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), 'image/jpeg'],
    ['plain text', text('Certificate of completion'), null],
    ['"%PDF" without the dash', text('%PDF'), null],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47), null],
    [
      'a PNG signature with a wrong byte',
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b),
      null,
    ],
    ['two JPEG bytes only', bytes(0xff, 0xd8), null],
    ['a GIF', text('GIF89a'), null],
    ['nothing at all', bytes(), null],
    ['PDF text not at the start', text(' %PDF-1.4'), null],
  ])('%s -> %p', (_name, content, expected) => {
    expect(detectEvidenceMediaType(content)).toBe(expected);
  });
});

describe('safeEvidenceFileName', () => {
  it.each<[string | undefined, string]>([
    ['certificate.pdf', 'certificate.pdf'],
    ['C:\\Users\\me\\scan.pdf', 'scan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['bad"name\r\n.pdf', 'badname.pdf'],
    ['..', 'evidence.pdf'],
    ['', 'evidence.pdf'],
    [undefined, 'evidence.pdf'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('%p -> %p', (name, expected) => {
    expect(safeEvidenceFileName(name, 'application/pdf')).toBe(expected);
  });

  it('falls back to the detected type’s extension', () => {
    expect(safeEvidenceFileName('', 'image/png')).toBe('evidence.png');
    expect(safeEvidenceFileName('', 'image/jpeg')).toBe('evidence.jpg');
  });
});
