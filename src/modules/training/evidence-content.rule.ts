/**
 * What an evidence file really is, judged from its first bytes (its "magic number"), never from
 * the name or the type the client declared: a text file renamed `.pdf` is still text.
 */

export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** 10 MB, the most a certificate scan or transcript needs. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: readonly { mediaType: EvidenceMediaType; bytes: readonly number[] }[] = [
  // "%PDF-"
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // "\x89PNG\r\n\x1a\n"
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG start of image followed by a marker
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the content starts like, or null when it is none of the accepted ones. */
export function detectEvidenceMediaType(content: Uint8Array): EvidenceMediaType | null {
  const match = SIGNATURES.find(
    ({ bytes }) =>
      content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte),
  );
  return match?.mediaType ?? null;
}

/**
 * A file name safe to keep and to send back in Content-Disposition: the last path segment, no
 * control characters or quotes, at most 255 characters; a fallback when nothing is left.
 */
export function safeEvidenceFileName(
  name: string | undefined,
  mediaType: EvidenceMediaType,
): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char !== '"' && char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  if (cleaned.length > 0 && cleaned !== '.' && cleaned !== '..') return cleaned;
  const extension =
    mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
  return `evidence.${extension}`;
}
