/**
 * A small layer over pdfkit for the program's printable reports (the annual report, the State
 * Personnel Board audit packet): US Letter pages in the standard Helvetica fonts, a cover, a
 * table of contents filled in at the end, headings, paragraphs, key/value and data tables that
 * break across pages (header row repeated), horizontal bar charts, and a footer on every page.
 *
 * Decisions:
 * - Deterministic: the same calls give the same bytes. pdfkit's only clock is the default
 *   `info.CreationDate` (it also seeds the document ID, an MD5 of the info dictionary), so the
 *   caller passes the instant to record; its only random source is encryption, never used.
 * - Pages are buffered (`bufferPages`) so the contents page(s), reserved right after the cover,
 *   and the "Page X of Y" footers can be written once the page count is known. Page numbers are
 *   physical (the cover is page 1).
 * - Text is limited to WinAnsi (what the standard fonts encode): anything else is replaced
 *   (`toWinAnsi`), so user-entered text can never print as garbage.
 * - Only running text (paragraphs, bullets) may let pdfkit break pages by itself; tables, charts,
 *   footers and contents place every line explicitly, so nothing spills onto a stray page.
 */
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Page geometry, fonts, colours
// ---------------------------------------------------------------------------------------------

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = { top: 54, left: 54, right: 54, bottom: 72 } as const;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
const FOOTER_RULE_Y = PAGE_HEIGHT - 56;
const FOOTER_FIRST_LINE_Y = PAGE_HEIGHT - 50;
const FOOTER_SECOND_LINE_Y = PAGE_HEIGHT - 39;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
type FontName = (typeof FONT)[keyof typeof FONT];

const COLOR = {
  text: '#000000',
  muted: '#555555',
  heading: '#1f3864',
  rule: '#8497b0',
  gridLine: '#c8c8c8',
  headerFill: '#dde4ee',
  stripeFill: '#f4f6f9',
  reference: '#c00000',
  series: ['#2f5597', '#a9c4e8'],
} as const;

const TABLE_FONT_SIZE = 8.5;
const CELL_PADDING_X = 3;
const CELL_PADDING_Y = 3;
const BODY_FONT_SIZE = 10;
const TABLE_TITLE_HEIGHT = 15;
const TABLE_GAP = 8;
const CHART_BAR_HEIGHT = 8;
const CHART_BAR_GAP = 2;
const CHART_LABEL_SIZE = 8;
const CHART_LEGEND_HEIGHT = 14;
const CHART_AXIS_HEIGHT = 14;
const CHART_GAP = 6;
const CHART_VALUE_RESERVE = 62;

// ---------------------------------------------------------------------------------------------
// Text and number formatting
// ---------------------------------------------------------------------------------------------

/** Unicode code points outside Latin-1 that WinAnsi (cp1252) still encodes. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);
const LOOKALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u00ad': '',
};

/**
 * The text with every character the standard fonts cannot encode replaced: look-alikes by their
 * ASCII form, tabs by a space, other control characters dropped, anything else by "?".
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char in LOOKALIKES) out += LOOKALIKES[char];
    else if (char === '\n') out += char;
    else if (char === '\t') out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(code)) out += char;
    else out += '?';
  }
  return out;
}

/** An integer as is (no grouping), e.g. 1234. */
export function formatInteger(value: number): string {
  return String(Math.round(value));
}

/** Up to `maxDecimals` decimals, trailing zeros dropped: 42.75, 30.5, 20. */
export function formatDecimal(value: number, maxDecimals: number): string {
  const text = String(Number(value.toFixed(maxDecimals)));
  return text === '-0' ? '0' : text;
}

/** Dollars with cents and thousands separators: $1,234.50, -$12.00. */
export function formatMoney(value: number): string {
  const [whole, cents] = Math.abs(value).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(Math.abs(value).toFixed(2)) !== 0;
  return `${negative ? '-' : ''}$${grouped}.${cents}`;
}

/** A rate (0..1) as a percentage with `decimals` decimals: 0.6667 -> 66.7%. */
export function formatPercent(rate: number, decimals = 1): string {
  return `${(rate * 100).toFixed(decimals)}%`;
}

// ---------------------------------------------------------------------------------------------
// Public shapes
// ---------------------------------------------------------------------------------------------

export interface KeyValue {
  key: string;
  value: string;
}

export interface ReportPdfFooter {
  /** Left of the first line, e.g. "DGS - Department of General Services - FY 2024-25". */
  left: string;
  /** Right of the first line, e.g. the document's status. */
  right?: string;
  /** A second, smaller line, e.g. the hash of the data the document was made from. */
  secondLine?: string;
}

export interface ReportPdfOptions {
  /** Document title (PDF metadata; shown by viewers in the title bar). */
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  /** Recorded as creation and modification date: fixed by the caller for byte-identical output. */
  timestamp: Date;
  footer: ReportPdfFooter;
  /** The contents page(s) after the cover; `false` for none. Default: one page titled "Contents". */
  contents?: { title: string; pages?: number } | false;
}

export interface CoverPage {
  title: string;
  subtitle?: readonly string[];
  fields?: readonly KeyValue[];
  /** Small print at the end of the cover (notation, disclosure rules). */
  notes?: readonly string[];
}

export interface SectionOptions {
  /** 1: a section (default); 2: a subsection, indented in the contents. */
  level?: 1 | 2;
  /** Start on a new page even when the current one has room. */
  newPage?: boolean;
}

export type CellAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the content width in proportion to it. */
  width: number;
  align?: CellAlign;
  bold?: boolean;
}

export interface TableRow {
  cells: readonly string[];
  bold?: boolean;
}

export interface DataTable {
  /** Caption above the table, repeated with "(continued)" on each continuation page. */
  title?: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[] | TableRow)[];
  /** Default true. The header row is repeated at the top of every continuation page. */
  showHeader?: boolean;
  /** Printed instead of the table when there are no rows. */
  emptyText?: string;
  /** Default 8.5 points. */
  fontSize?: number;
}

/** A bar's value, or why there is none (e.g. "suppressed", "n/a"): printed where the bar would be. */
export type BarValue = number | { missing: string };

export interface BarSeries {
  name: string;
  /** One value per label. Negative values draw no bar. */
  values: readonly BarValue[];
}

export interface BarChart {
  title?: string;
  labels: readonly string[];
  /** One or two series; with two, each label gets a pair of bars and a legend is shown. */
  series: readonly BarSeries[];
  /** Printed at the end of each bar. Default: `String(value)`. */
  formatValue?: (value: number) => string;
  /** Printed under the axis at each tick. Default: up to two decimals. */
  formatTick?: (value: number) => string;
  /** The scale's upper end; default a round number at or above the largest value. */
  max?: number;
  /** Counts: ticks only at whole numbers. */
  wholeNumbers?: boolean;
  /** A vertical dashed line across the bars, e.g. the four-fifths rule at 0.8. */
  referenceLine?: { value: number; label: string };
}

export interface ContentsEntry {
  title: string;
  level: 1 | 2;
  /** 1-based physical page number, as printed in the footer. */
  page: number;
}

// ---------------------------------------------------------------------------------------------
// The document builder
// ---------------------------------------------------------------------------------------------

interface InternalEntry extends ContentsEntry {
  destination: string;
}

interface TableLayout {
  columns: readonly TableColumn[];
  widths: number[];
  fontSize: number;
  rows: TableRow[];
  heights: number[];
  headerHeight: number;
  titleHeight: number;
  showHeader: boolean;
}

interface ChartLayout {
  rowHeight: number;
  /** Everything but the rows: title, legend, reference label, axis, gap. */
  chrome: number;
  labelWidth: number;
  barLeft: number;
  barWidth: number;
  scale: { max: number; ticks: number[] };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * A scale from 0 with round ticks (steps of 1, 2, 2.5 or 5 times a power of ten; no 2.5 for
 * whole numbers), up to the first tick at or above `largest`, or exactly `largest` when fixed.
 */
export function niceScale(
  largest: number,
  options: { fixedMax?: boolean; wholeNumbers?: boolean } = {},
): { max: number; ticks: number[] } {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] };
  const rough = largest / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const factors = options.wholeNumbers ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = factors.map((f) => f * magnitude).find((candidate) => candidate >= rough) ?? rough;
  if (options.wholeNumbers) step = Math.max(1, Math.round(step));
  const max = options.fixedMax ? largest : Math.ceil(largest / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + 1e-9; i++) ticks.push(Number((i * step).toFixed(10)));
  return { max, ticks };
}

function keyValueTable(
  rows: readonly KeyValue[],
  options: { title?: string; keyWidth?: number },
): DataTable {
  const keyWidth = options.keyWidth ?? 0.45;
  return {
    title: options.title,
    showHeader: false,
    columns: [
      { header: '', width: keyWidth },
      { header: '', width: 1 - keyWidth, bold: true },
    ],
    rows: rows.map((row) => [row.key, row.value]),
  };
}

const normalizeRow = (row: readonly string[] | TableRow): TableRow =>
  'cells' in row ? row : { cells: row };

export class ReportPdf {
  private readonly doc: Doc;
  private readonly bytes: Promise<Buffer>;
  private readonly entries: InternalEntry[] = [];
  private readonly contentsPageNumbers: number[] = [];
  private phase: 'start' | 'body' | 'finished' = 'start';
  private drawingCover = false;
  private lastTopOutline: PDFKit.PDFOutline | null = null;

  constructor(private readonly options: ReportPdfOptions) {
    if (Number.isNaN(options.timestamp.getTime())) {
      throw new RangeError('ReportPdf: timestamp must be a valid date');
    }
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { ...MARGIN },
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      displayTitle: true,
      lang: 'en-US',
      info: {
        Title: toWinAnsi(options.title),
        ...(options.author ? { Author: toWinAnsi(options.author) } : {}),
        ...(options.subject ? { Subject: toWinAnsi(options.subject) } : {}),
        ...(options.keywords ? { Keywords: toWinAnsi(options.keywords) } : {}),
        Creator: toWinAnsi(options.creator ?? 'Upward Mobility Program system'),
        CreationDate: new Date(options.timestamp.getTime()),
        ModDate: new Date(options.timestamp.getTime()),
      },
    });
    const chunks: Buffer[] = [];
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  /** The sections recorded so far (what the contents page lists). */
  get contents(): readonly ContentsEntry[] {
    return this.entries.map(({ title, level, page }) => ({ title, level, page }));
  }

  /** The cover: must come first. The contents page(s) follow it. */
  cover(cover: CoverPage): this {
    if (this.phase !== 'start') throw new Error('ReportPdf: the cover must come first');
    const doc = this.doc;
    this.drawingCover = true;
    doc.addPage();
    doc.y = 150;
    this.write(cover.title, { font: FONT.bold, size: 22, color: COLOR.heading });
    doc.moveDown(0.4);
    for (const line of cover.subtitle ?? []) {
      this.write(line, { font: FONT.regular, size: 13 });
      doc.moveDown(0.15);
    }
    doc.moveDown(1);
    this.rule(doc.y, COLOR.rule, 1);
    doc.y += 14;
    if (cover.fields && cover.fields.length > 0) this.keyValues(cover.fields, { keyWidth: 0.34 });
    doc.moveDown(0.8);
    for (const note of cover.notes ?? []) {
      this.write(note, { font: FONT.regular, size: 8.5, color: COLOR.muted });
      doc.moveDown(0.4);
    }
    this.drawingCover = false;
    this.beginBody();
    return this;
  }

  /** A heading recorded in the contents (level 1) or under the last section (level 2). */
  section(title: string, options: SectionOptions = {}): this {
    this.beginBody();
    const level = options.level ?? 1;
    if (options.newPage && !this.pageIsEmpty()) this.newPage();
    else this.ensureSpace(level === 1 ? 110 : 90);
    const doc = this.doc;
    if (!this.pageIsEmpty()) doc.y += level === 1 ? 10 : 6;
    const destination = `section-${String(this.entries.length + 1).padStart(4, '0')}`;
    doc.addNamedDestination(destination, 'XYZ', null, doc.y, null);
    this.entries.push({ title, level, page: this.pageNumber(), destination });
    if (level === 1 || !this.lastTopOutline) {
      const item = doc.outline.addItem(toWinAnsi(title));
      if (level === 1) this.lastTopOutline = item;
    } else {
      this.lastTopOutline.addItem(toWinAnsi(title));
    }
    this.write(title, {
      font: FONT.bold,
      size: level === 1 ? 15 : 12,
      color: COLOR.heading,
    });
    if (level === 1) {
      this.rule(doc.y + 1, COLOR.rule, 0.75);
      doc.y += 8;
    } else {
      doc.y += 4;
    }
    return this;
  }

  /** A small heading not listed in the contents, kept with what follows. */
  heading(text: string): this {
    this.beginBody();
    this.ensureSpace(70);
    this.doc.y += 4;
    this.write(text, { font: FONT.bold, size: 10.5, color: COLOR.heading });
    this.doc.y += 3;
    return this;
  }

  paragraph(text: string, options: { style?: 'body' | 'note' | 'emphasis' } = {}): this {
    this.beginBody();
    const style = options.style ?? 'body';
    this.ensureSpace(24);
    this.write(text, {
      font: style === 'emphasis' ? FONT.italic : FONT.regular,
      size: style === 'note' ? 8.5 : BODY_FONT_SIZE,
      color: style === 'note' ? COLOR.muted : COLOR.text,
    });
    this.doc.y += 5;
    return this;
  }

  bullets(items: readonly string[]): this {
    this.beginBody();
    const doc = this.doc;
    for (const item of items) {
      this.ensureSpace(24);
      doc.font(FONT.regular).fontSize(BODY_FONT_SIZE).fillColor(COLOR.text);
      const y = doc.y;
      this.line('\u2022', MARGIN.left + 4, y);
      doc.text(toWinAnsi(item), MARGIN.left + 16, y, { width: CONTENT_WIDTH - 16 });
      doc.x = MARGIN.left;
      doc.y += 2;
    }
    doc.y += 3;
    return this;
  }

  /** Vertical space in points. */
  space(points: number): this {
    this.beginBody();
    this.doc.y = Math.min(this.doc.y + points, CONTENT_BOTTOM);
    return this;
  }

  /** Two columns without a header: labels on the left, values (bold) on the right. */
  keyValues(rows: readonly KeyValue[], options: { title?: string; keyWidth?: number } = {}): this {
    return this.table(keyValueTable(rows, options));
  }

  /**
   * Starts a new page unless `height` points fit in what is left of this one. Nothing happens
   * when the height would not fit on an empty page either (the content has to break anyway).
   */
  keepTogether(height: number): this {
    this.beginBody();
    if (height <= CONTENT_BOTTOM - MARGIN.top) this.ensureSpace(height);
    return this;
  }

  /** The height `table` takes when drawn without a page break (for `keepTogether`). */
  measureTable(table: DataTable): number {
    const layout = this.tableLayout(table);
    if (layout.rows.length === 0) return layout.titleHeight + 24;
    return layout.titleHeight + layout.headerHeight + sum(layout.heights) + TABLE_GAP;
  }

  /**
   * A data table across the content width. A row never splits: when it does not fit, the table
   * continues on a new page under its caption "(continued)" and the header row. A short table
   * (up to 40% of a page) is kept on one page; a longer one starts with at least three rows.
   */
  table(table: DataTable): this {
    this.beginBody();
    const doc = this.doc;
    const layout = this.tableLayout(table);
    const { rows, heights, headerHeight, titleHeight, fontSize } = layout;
    const headerRow: TableRow = { cells: table.columns.map((c) => c.header), bold: true };

    if (rows.length === 0) {
      this.ensureSpace(titleHeight + 24);
      if (table.title) this.tableTitle(table.title, false);
      if (table.emptyText) this.paragraph(table.emptyText, { style: 'emphasis' });
      return this;
    }

    const whole = this.measureTable(table);
    const usable = CONTENT_BOTTOM - MARGIN.top;
    const opening = titleHeight + headerHeight + sum(heights.slice(0, 3));
    this.ensureSpace(whole <= usable * 0.4 ? whole : opening);
    const startTable = (continued: boolean) => {
      if (table.title) this.tableTitle(table.title, continued);
      if (layout.showHeader) this.drawRow(headerRow, layout, headerHeight, 'header', fontSize);
    };
    startTable(false);
    rows.forEach((row, index) => {
      if (doc.y + heights[index] > CONTENT_BOTTOM) {
        this.newPage();
        startTable(true);
      }
      this.drawRow(row, layout, heights[index], index % 2 === 1 ? 'stripe' : 'plain', fontSize);
    });
    doc.x = MARGIN.left;
    doc.y += TABLE_GAP;
    return this;
  }

  /** The height `chart` takes when drawn without a page break (for `keepTogether`). */
  measureBarChart(chart: BarChart): number {
    const layout = this.chartLayout(chart);
    return layout.chrome + chart.labels.length * layout.rowHeight;
  }

  /**
   * Horizontal bars, one row per label (a pair with two series), value at each bar's end; a
   * missing value prints its reason instead of a bar. Kept on one page when it fits on one,
   * else split between labels (legend, scale and reference line repeated).
   */
  barChart(chart: BarChart): this {
    this.beginBody();
    const doc = this.doc;
    const layout = this.chartLayout(chart);
    const { rowHeight, chrome, labelWidth, barLeft, barWidth, scale } = layout;
    const format = chart.formatValue ?? ((value: number) => String(value));
    const formatTick = chart.formatTick ?? ((value: number) => formatDecimal(value, 2));
    const xOf = (value: number) =>
      barLeft + (Math.min(Math.max(value, 0), scale.max) / scale.max) * barWidth;
    const barHeight = CHART_BAR_HEIGHT;
    const referenceLabelHeight = chart.referenceLine ? 11 : 0;

    this.keepTogether(this.measureBarChart(chart));
    let index = 0;
    let continued = false;
    while (index < chart.labels.length) {
      const minimumRows = Math.min(3, chart.labels.length - index);
      if (doc.y + chrome + minimumRows * rowHeight > CONTENT_BOTTOM && !this.pageIsEmpty()) {
        this.newPage();
      }
      const fitting = Math.max(1, Math.floor((CONTENT_BOTTOM - doc.y - chrome) / rowHeight));
      const end = Math.min(chart.labels.length, index + fitting);

      if (chart.title) this.tableTitle(chart.title, continued);
      this.legend(chart.series, doc.y);
      doc.y += CHART_LEGEND_HEIGHT + referenceLabelHeight;
      const top = doc.y;
      const bottom = top + (end - index) * rowHeight;
      for (const tick of scale.ticks) {
        const x = xOf(tick);
        doc.moveTo(x, top - 2).lineTo(x, bottom).lineWidth(0.3).stroke(COLOR.gridLine);
      }
      for (let row = index; row < end; row++) {
        const y = top + (row - index) * rowHeight;
        doc.font(FONT.regular).fontSize(CHART_LABEL_SIZE).fillColor(COLOR.text);
        const label = this.fit(chart.labels[row], labelWidth);
        this.line(label, barLeft - 6 - doc.widthOfString(label), y + rowHeight / 2 - 3.5);
        chart.series.forEach((series, s) => {
          const barY = y + 3 + s * (barHeight + CHART_BAR_GAP);
          const value = series.values[row];
          doc.fontSize(7);
          if (typeof value === 'number') {
            const barEnd = xOf(value);
            if (barEnd > barLeft) {
              doc.rect(barLeft, barY, barEnd - barLeft, barHeight).fill(COLOR.series[s]);
            }
            doc.font(FONT.regular).fillColor(COLOR.text);
            this.line(format(value), barEnd + 3, barY + 1);
          } else {
            doc.font(FONT.italic).fillColor(COLOR.muted);
            this.line(value.missing, barLeft + 3, barY + 1);
          }
        });
      }
      doc.moveTo(barLeft, top - 2).lineTo(barLeft, bottom).lineWidth(0.75).stroke(COLOR.muted);
      doc.moveTo(barLeft, bottom).lineTo(barLeft + barWidth, bottom).lineWidth(0.5).stroke(COLOR.muted);
      doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
      for (const tick of scale.ticks) {
        const text = formatTick(tick);
        this.line(text, xOf(tick) - doc.widthOfString(text) / 2, bottom + 3);
      }
      if (chart.referenceLine) {
        const x = xOf(chart.referenceLine.value);
        doc.save();
        doc.moveTo(x, top - 4).lineTo(x, bottom).lineWidth(1).dash(3, { space: 2 }).stroke(COLOR.reference);
        doc.restore();
        doc.font(FONT.regular).fontSize(7).fillColor(COLOR.reference);
        const text = toWinAnsi(chart.referenceLine.label);
        const textWidth = doc.widthOfString(text);
        const textX = Math.min(Math.max(x - textWidth / 2, barLeft), MARGIN.left + CONTENT_WIDTH - textWidth);
        this.line(text, textX, top - referenceLabelHeight - 2);
      }
      doc.fillColor(COLOR.text);
      doc.x = MARGIN.left;
      doc.y = bottom + CHART_AXIS_HEIGHT + CHART_GAP;
      index = end;
      continued = true;
    }
    return this;
  }

  /** Starts a new page. */
  newPage(): this {
    this.beginBody();
    this.doc.addPage();
    return this;
  }

  /** Fills the contents, writes the footers and returns the finished file. */
  async toBuffer(): Promise<Buffer> {
    this.beginBody();
    this.phase = 'finished';
    this.writeContents();
    this.writeFooters();
    this.doc.end();
    return this.bytes;
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  /** Before the first body element: reserves the contents page(s) and opens the first page. */
  private beginBody(): void {
    if (this.phase === 'finished') throw new Error('ReportPdf: already finished');
    if (this.phase !== 'start' || this.drawingCover) return;
    this.phase = 'body';
    const contents = this.options.contents ?? { title: 'Contents' };
    const reserved = contents === false ? 0 : Math.max(1, contents.pages ?? 1);
    for (let i = 0; i < reserved; i++) {
      this.doc.addPage();
      this.contentsPageNumbers.push(this.pageNumber());
    }
    this.doc.addPage();
  }

  private pageNumber(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  private pageIsEmpty(): boolean {
    return this.doc.y <= MARGIN.top + 0.01;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > CONTENT_BOTTOM && !this.pageIsEmpty()) this.newPage();
  }

  /** Running text across the content width (pdfkit breaks pages if needed). */
  private write(text: string, style: { font: FontName; size: number; color?: string }): void {
    const doc = this.doc;
    doc.font(style.font).fontSize(style.size).fillColor(style.color ?? COLOR.text);
    doc.text(toWinAnsi(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    doc.x = MARGIN.left;
    doc.fillColor(COLOR.text);
  }

  /** One line at a fixed place; never wraps nor breaks pages (no width given to pdfkit). */
  private line(text: string, x: number, y: number): void {
    this.doc.text(toWinAnsi(text), x, y, { lineBreak: false });
  }

  /** The text, shortened with "..." to fit `width` in the current font. */
  private fit(text: string, width: number): string {
    const doc = this.doc;
    let out = toWinAnsi(text);
    if (doc.widthOfString(out) <= width) return out;
    while (out.length > 0 && doc.widthOfString(`${out}...`) > width) out = out.slice(0, -1);
    return `${out.trimEnd()}...`;
  }

  private rule(y: number, color: string, width: number): void {
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y)
      .lineWidth(width)
      .stroke(color);
  }

  private tableTitle(title: string, continued: boolean): void {
    const doc = this.doc;
    doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text);
    this.line(this.fit(continued ? `${title} (continued)` : title, CONTENT_WIDTH), MARGIN.left, doc.y);
    doc.x = MARGIN.left;
    doc.y += 15;
  }

  private tableLayout(table: DataTable): TableLayout {
    if (table.columns.length === 0) throw new Error('ReportPdf.table: no columns');
    const rows = table.rows.map(normalizeRow);
    rows.forEach((row, index) => {
      if (row.cells.length !== table.columns.length) {
        throw new Error(
          `ReportPdf.table: row ${index} has ${row.cells.length} cells for ${table.columns.length} columns`,
        );
      }
    });
    const totalWeight = sum(table.columns.map((column) => column.width));
    const widths = table.columns.map((column) => (column.width / totalWeight) * CONTENT_WIDTH);
    const fontSize = table.fontSize ?? TABLE_FONT_SIZE;
    const showHeader = table.showHeader ?? true;
    const base = { columns: table.columns, widths, fontSize };
    const headerRow: TableRow = { cells: table.columns.map((c) => c.header), bold: true };
    const headerHeight = showHeader ? this.rowHeight(headerRow, base) : 0;
    const titleHeight = table.title ? TABLE_TITLE_HEIGHT : 0;
    const maxRowHeight = CONTENT_BOTTOM - MARGIN.top - titleHeight - headerHeight;
    const heights = rows.map((row) => Math.min(this.rowHeight(row, base), maxRowHeight));
    return { ...base, rows, heights, headerHeight, titleHeight, showHeader };
  }

  private cellFont(row: TableRow, column: TableColumn): FontName {
    return row.bold || column.bold ? FONT.bold : FONT.regular;
  }

  private rowHeight(
    row: TableRow,
    layout: Pick<TableLayout, 'columns' | 'widths' | 'fontSize'>,
  ): number {
    const doc = this.doc;
    let height = 0;
    row.cells.forEach((cell, c) => {
      if (cell === '') return;
      doc.font(this.cellFont(row, layout.columns[c])).fontSize(layout.fontSize);
      const width = layout.widths[c] - 2 * CELL_PADDING_X;
      height = Math.max(height, doc.heightOfString(toWinAnsi(cell), { width }));
    });
    doc.font(FONT.regular).fontSize(layout.fontSize);
    return Math.max(height, doc.currentLineHeight(true)) + 2 * CELL_PADDING_Y;
  }

  private drawRow(
    row: TableRow,
    layout: Pick<TableLayout, 'columns' | 'widths'>,
    height: number,
    kind: 'header' | 'stripe' | 'plain',
    fontSize: number,
  ): void {
    const doc = this.doc;
    const top = doc.y;
    if (kind !== 'plain') {
      const fill = kind === 'header' ? COLOR.headerFill : COLOR.stripeFill;
      doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(fill);
    }
    let x = MARGIN.left;
    row.cells.forEach((cell, c) => {
      const column = layout.columns[c];
      if (cell !== '') {
        doc.font(this.cellFont(row, column)).fontSize(fontSize).fillColor(COLOR.text);
        // A height keeps pdfkit from breaking the page inside a cell.
        doc.text(toWinAnsi(cell), x + CELL_PADDING_X, top + CELL_PADDING_Y, {
          width: layout.widths[c] - 2 * CELL_PADDING_X,
          height: height - CELL_PADDING_Y,
          align: column.align ?? 'left',
          ellipsis: true,
        });
      }
      x += layout.widths[c];
    });
    const bottom = top + height;
    doc
      .moveTo(MARGIN.left, bottom)
      .lineTo(MARGIN.left + CONTENT_WIDTH, bottom)
      .lineWidth(kind === 'header' ? 0.75 : 0.4)
      .stroke(kind === 'header' ? COLOR.rule : COLOR.gridLine);
    doc.x = MARGIN.left;
    doc.y = bottom;
  }

  private chartLayout(chart: BarChart): ChartLayout {
    const seriesCount = chart.series.length;
    if (seriesCount < 1 || seriesCount > 2) throw new Error('ReportPdf.barChart: one or two series');
    for (const series of chart.series) {
      if (series.values.length !== chart.labels.length) {
        throw new Error(`ReportPdf.barChart: series "${series.name}" needs one value per label`);
      }
    }
    const doc = this.doc;
    const numbers = chart.series.flatMap((s) =>
      s.values.filter((v): v is number => typeof v === 'number'),
    );
    const largest = Math.max(0, ...numbers, chart.referenceLine ? chart.referenceLine.value : 0);
    doc.font(FONT.regular).fontSize(CHART_LABEL_SIZE);
    const widestLabel = Math.max(0, ...chart.labels.map((l) => doc.widthOfString(toWinAnsi(l))));
    const labelWidth = Math.min(CONTENT_WIDTH * 0.34, widestLabel + 4);
    const titleHeight = chart.title ? TABLE_TITLE_HEIGHT : 0;
    const referenceLabelHeight = chart.referenceLine ? 11 : 0;
    return {
      rowHeight: seriesCount * CHART_BAR_HEIGHT + (seriesCount - 1) * CHART_BAR_GAP + 6,
      chrome: titleHeight + CHART_LEGEND_HEIGHT + referenceLabelHeight + CHART_AXIS_HEIGHT + CHART_GAP,
      labelWidth,
      barLeft: MARGIN.left + labelWidth + 6,
      barWidth: CONTENT_WIDTH - labelWidth - 6 - CHART_VALUE_RESERVE,
      scale: niceScale(chart.max ?? largest, { fixedMax: chart.max !== undefined, wholeNumbers: chart.wholeNumbers ?? false }),
    };
  }

  private legend(series: readonly BarSeries[], y: number): void {
    const doc = this.doc;
    let x = MARGIN.left;
    doc.font(FONT.regular).fontSize(7.5);
    series.forEach((s, index) => {
      doc.rect(x, y + 1, 9, 7).fill(COLOR.series[index]);
      doc.fillColor(COLOR.text);
      const name = toWinAnsi(s.name);
      this.line(name, x + 12, y + 1);
      x += 12 + doc.widthOfString(name) + 16;
    });
  }

  private writeContents(): void {
    const contents = this.options.contents ?? { title: 'Contents' };
    if (contents === false) return;
    const doc = this.doc;
    const titleHeight = 36;
    const lineHeight = (level: 1 | 2) => (level === 1 ? 19 : 15);
    const pages: InternalEntry[][] = [[]];
    let used = titleHeight;
    for (const entry of this.entries) {
      if (MARGIN.top + used + lineHeight(entry.level) > CONTENT_BOTTOM) {
        pages.push([]);
        used = titleHeight;
      }
      pages[pages.length - 1].push(entry);
      used += lineHeight(entry.level);
    }
    if (pages.length > this.contentsPageNumbers.length) {
      throw new Error(
        `ReportPdf: the contents need ${pages.length} pages but ${this.contentsPageNumbers.length} were reserved (contents.pages)`,
      );
    }
    pages.forEach((entries, p) => {
      doc.switchToPage(this.contentsPageNumbers[p] - 1);
      doc.x = MARGIN.left;
      doc.y = MARGIN.top;
      doc.font(FONT.bold).fontSize(16).fillColor(COLOR.heading);
      this.line(p === 0 ? contents.title : `${contents.title} (continued)`, MARGIN.left, MARGIN.top);
      this.rule(MARGIN.top + 21, COLOR.rule, 0.75);
      let y = MARGIN.top + titleHeight;
      for (const entry of entries) {
        const indent = entry.level === 1 ? 0 : 18;
        doc.font(entry.level === 1 ? FONT.bold : FONT.regular).fontSize(entry.level === 1 ? 10.5 : 9.5);
        doc.fillColor(COLOR.text);
        const pageText = String(entry.page);
        const pageWidth = doc.widthOfString(pageText);
        const right = MARGIN.left + CONTENT_WIDTH;
        const title = this.fit(entry.title, CONTENT_WIDTH - indent - pageWidth - 24);
        const titleWidth = doc.widthOfString(title);
        this.line(title, MARGIN.left + indent, y);
        this.line(pageText, right - pageWidth, y);
        const leaderY = y + doc.currentLineHeight() - 2.5;
        doc.save();
        doc
          .moveTo(MARGIN.left + indent + titleWidth + 4, leaderY)
          .lineTo(right - pageWidth - 4, leaderY)
          .lineWidth(0.6)
          .dash(0.6, { space: 2.4 })
          .stroke(COLOR.muted);
        doc.restore();
        doc.goTo(MARGIN.left + indent, y - 2, CONTENT_WIDTH - indent, lineHeight(entry.level) - 2, entry.destination);
        y += lineHeight(entry.level);
      }
    });
  }

  private writeFooters(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    const footer = this.options.footer;
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      // Text below the bottom margin would make pdfkit add a page: lift the margin meanwhile.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.rule(FOOTER_RULE_Y, COLOR.gridLine, 0.5);
      doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
      const pageText = `Page ${start + i + 1} of ${start + count}`;
      const pageWidth = doc.widthOfString(pageText);
      const rightText = footer.right ? toWinAnsi(footer.right) : '';
      const rightWidth = rightText ? doc.widthOfString(rightText) : 0;
      this.line(pageText, PAGE_WIDTH / 2 - pageWidth / 2, FOOTER_FIRST_LINE_Y);
      this.line(this.fit(footer.left, CONTENT_WIDTH / 2 - pageWidth / 2 - 8), MARGIN.left, FOOTER_FIRST_LINE_Y);
      if (rightText) {
        this.line(rightText, MARGIN.left + CONTENT_WIDTH - rightWidth, FOOTER_FIRST_LINE_Y);
      }
      if (footer.secondLine) {
        doc.fontSize(7);
        this.line(this.fit(footer.secondLine, CONTENT_WIDTH), MARGIN.left, FOOTER_SECOND_LINE_Y);
      }
      doc.fillColor(COLOR.text);
      doc.page.margins.bottom = bottomMargin;
    }
  }
}
