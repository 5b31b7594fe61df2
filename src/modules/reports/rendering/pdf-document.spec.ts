import { pdfPages } from '../../../../test/support/report-files';
import {
  formatDecimal,
  formatInteger,
  formatMoney,
  formatPercent,
  niceScale,
  ReportPdf,
  toWinAnsi,
} from './pdf-document';
import type { ReportPdfOptions } from './pdf-document';


const lines = (page: string): string[] => page.split('\n').map((line) => line.trim());
/** A page's lines above its footer (the footer is written last, so it comes last). */
const bodyLines = (page: string): string[] => {
  const all = lines(page);
  const footer = all.findIndex((line) => /^Page \d+ of \d+/.test(line));
  return footer < 0 ? all : all.slice(0, footer);
};

const TIMESTAMP = new Date('2025-09-01T17:00:00.000Z');
const options = (overrides: Partial<ReportPdfOptions> = {}): ReportPdfOptions => ({
  title: 'Test report',
  timestamp: TIMESTAMP,
  footer: { left: 'ABC - Test Department - FY 2024-25', right: 'DRAFT', secondLine: 'Data hash: 1234' },
  ...overrides,
});

describe('toWinAnsi', () => {
  it.each([
    ['plain ASCII', 'Office Assistant (Typing) 1441', 'Office Assistant (Typing) 1441'],
    ['Latin-1 letters', 'Peña, Müller', 'Peña, Müller'],
    ['decomposed accent is composed', 'Pen\u0303a', 'Peña'],
    ['cp1252 punctuation kept', '\u201cquoted\u201d \u2013 \u2022 \u20ac', '\u201cquoted\u201d \u2013 \u2022 \u20ac'],
    ['minus and hyphens become "-"', 'a\u2212b\u2011c', 'a-b-c'],
    ['tab becomes a space', 'a\tb', 'a b'],
    ['control characters dropped, newline kept', 'a\u0007b\nc', 'ab\nc'],
    ['outside WinAnsi becomes "?"', 'Plan \u2192 done \u2713 \u4e2d', 'Plan ? done ? ?'],
    ['astral character is one "?"', 'ok \u{1f600}', 'ok ?'],
  ])('%s', (_name, input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });
});

describe('number formats', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [12345, '12345'],
    [-3, '-3'],
  ])('formatInteger(%s) = %s', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });

  it.each([
    [42.75, 2, '42.75'],
    [30.5, 2, '30.5'],
    [20, 2, '20'],
    [1.005, 2, '1'],
    [2.3456, 2, '2.35'],
    [-0.001, 2, '0'],
  ])('formatDecimal(%s, %s) = %s', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected);
  });

  it.each([
    [1234.5, '$1,234.50'],
    [5000, '$5,000.00'],
    [0, '$0.00'],
    [999.999, '$1,000.00'],
    [1234567.891, '$1,234,567.89'],
    [-12, '-$12.00'],
    [-0.001, '$0.00'],
  ])('formatMoney(%s) = %s', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });

  it.each([
    [0.6667, 1, '66.7%'],
    [1, 1, '100.0%'],
    [0, 1, '0.0%'],
    [0.125, 1, '12.5%'],
    [0.12345, 2, '12.35%'],
  ])('formatPercent(%s, %s) = %s', (rate, decimals, expected) => {
    expect(formatPercent(rate, decimals)).toBe(expected);
  });
});

describe('niceScale', () => {
  it.each<[number, { fixedMax?: boolean; wholeNumbers?: boolean }, number, number[]]>([
    [6, { wholeNumbers: true }, 6, [0, 2, 4, 6]],
    [42.75, {}, 60, [0, 20, 40, 60]],
    [1, { fixedMax: true }, 1, [0, 0.25, 0.5, 0.75, 1]],
    [3, { wholeNumbers: true }, 3, [0, 1, 2, 3]],
    [1, { wholeNumbers: true }, 1, [0, 1]],
    [0, {}, 1, [0, 1]],
    [950, {}, 1000, [0, 250, 500, 750, 1000]],
  ])('largest %s %j: up to %s, ticks %j', (largest, opts, max, ticks) => {
    expect(niceScale(largest, opts)).toEqual({ max, ticks });
  });
});

describe('ReportPdf layout', () => {
  const rowCount = 120;
  let pages: string[];
  let contents: { title: string; level: number; page: number }[];

  beforeAll(async () => {
    const pdf = new ReportPdf(options());
    pdf.cover({
      title: 'Cover title',
      subtitle: ['First subtitle', 'Second subtitle'],
      fields: [{ key: 'Status key', value: 'Status value' }],
      notes: ['A note on the cover.'],
    });
    pdf.section('Alpha section');
    pdf.paragraph('Alpha paragraph.');
    pdf.keyValues([{ key: 'Alpha key', value: 'Alpha value' }], { title: 'Key values' });
    pdf.section('Beta section');
    pdf.table({
      title: 'Long table',
      columns: [
        { header: 'Code', width: 1 },
        { header: 'Description', width: 3 },
        { header: 'Amount', width: 1, align: 'right' },
      ],
      rows: Array.from({ length: rowCount }, (_, i) => [`R${i + 1}`, `Row number ${i + 1}`, String(i * 7)]),
    });
    pdf.section('Beta subsection', { level: 2 });
    pdf.paragraph('After the long table.');
    pdf.section('Gamma section', { newPage: true });
    pdf.table({ title: 'Empty table', columns: [{ header: 'X', width: 1 }], rows: [], emptyText: 'Nothing to list.' });
    contents = pdf.contents.map((entry) => ({ ...entry }));
    pages = await pdfPages(await pdf.toBuffer());
  });

  it('puts "Page X of N" and both footer lines on every page, N being the real page count', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('ABC - Test Department - FY 2024-25');
      expect(page).toContain('DRAFT');
      expect(page).toContain('Data hash: 1234');
    });
  });

  it('draws the cover first and the contents right after it', () => {
    expect(pages[0]).toContain('Cover title');
    expect(pages[0]).toMatch(/Status key\s+Status value/);
    expect(pages[0]).toContain('A note on the cover.');
    expect(lines(pages[1])[0]).toBe('Contents');
  });

  it('lists every section in the contents with the page its heading is on', () => {
    expect(contents.map((entry) => [entry.title, entry.level])).toEqual([
      ['Alpha section', 1],
      ['Beta section', 1],
      ['Beta subsection', 2],
      ['Gamma section', 1],
    ]);
    const listed = bodyLines(pages[1])
      .map((line) => /^(.*\S)\s+(\d+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ title: match[1], page: Number(match[2]) }));
    expect(listed.map((entry) => entry.title)).toEqual(contents.map((entry) => entry.title));
    for (const entry of listed) {
      const headingPage = pages.findIndex((page, index) => index > 1 && lines(page).includes(entry.title));
      expect({ title: entry.title, page: headingPage + 1 }).toEqual(entry);
    }
    // A section asked to start a new page does; the long table pushed the subsection forward.
    const gamma = listed.find((entry) => entry.title === 'Gamma section');
    expect(lines(pages[(gamma?.page ?? 0) - 1])[0]).toBe('Gamma section');
    expect(listed[2].page).toBeGreaterThan(listed[1].page);
  });

  it('breaks a long table across pages, repeating its caption and header row on each', () => {
    const rowPages = pages
      .map((page, index) => ({ index, lines: lines(page) }))
      .filter((page) => page.lines.some((line) => /^R\d+ /.test(line)));
    expect(rowPages.length).toBeGreaterThanOrEqual(3);
    rowPages.forEach((page, n) => {
      const header = page.lines.indexOf('Code Description Amount');
      const firstRow = page.lines.findIndex((line) => /^R\d+ /.test(line));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
      expect(page.lines[header - 1]).toBe(n === 0 ? 'Long table' : 'Long table (continued)');
    });
    const rows = rowPages.flatMap((page) => page.lines.filter((line) => /^R\d+ /.test(line)));
    expect(rows).toEqual(Array.from({ length: rowCount }, (_, i) => `R${i + 1} Row number ${i + 1} ${i * 7}`));
  });

  it('prints the empty text of a table without rows', () => {
    expect(pages[pages.length - 1]).toMatch(/Empty table\s+Nothing to list\./);
  });
});

describe('ReportPdf bar chart', () => {
  let text: string;

  beforeAll(async () => {
    const pdf = new ReportPdf(options({ contents: false }));
    pdf.barChart({
      title: 'Goals and results',
      labels: ['First label', 'Second label', 'Third label'],
      series: [
        { name: 'Goal series', values: [4, { missing: 'no goal' }, 10] },
        { name: 'Result series', values: [2.5, 7, { missing: 'suppressed' }] },
      ],
      formatValue: (value) => value.toFixed(2),
    });
    pdf.barChart({
      title: 'Ratios',
      labels: ['Group A', 'Group B'],
      series: [{ name: 'Impact ratio', values: [1, 0.5] }],
      max: 1,
      referenceLine: { value: 0.8, label: 'four-fifths: 0.8' },
    });
    text = (await pdfPages(await pdf.toBuffer())).join('\n');
  });

  it('writes each value at its bar, and the reason where a value is missing', () => {
    expect(text).toMatch(/First label\s+4\.00\s+2\.50/);
    expect(text).toMatch(/Second label\s+no goal\s+7\.00/);
    expect(text).toMatch(/Third label\s+10\.00\s+suppressed/);
  });

  it('shows a legend with both series, the scale and the reference line', () => {
    expect(text).toMatch(/Goals and results\s+Goal series\s+Result series/);
    expect(text).toMatch(/0\s+2\.5\s+5\s+7\.5\s+10/);
    expect(text).toMatch(/Group A\s+1\s+Group B\s+0\.5/);
    expect(text).toContain('four-fifths: 0.8');
  });

  it('refuses a chart it cannot draw', () => {
    const pdf = new ReportPdf(options());
    const series = { name: 's', values: [1] };
    expect(() => pdf.barChart({ labels: ['a'], series: [] })).toThrow(/one or two series/);
    expect(() => pdf.barChart({ labels: ['a'], series: [series, series, series] })).toThrow(/one or two/);
    expect(() => pdf.barChart({ labels: ['a', 'b'], series: [series] })).toThrow(/one value per label/);
  });
});

describe('ReportPdf checks and limits', () => {
  it('refuses a row with the wrong number of cells, naming the row', () => {
    const pdf = new ReportPdf(options());
    expect(() =>
      pdf.table({ columns: [{ header: 'A', width: 1 }, { header: 'B', width: 1 }], rows: [['1', '2'], ['3']] }),
    ).toThrow(/row 1 has 1 cells for 2 columns/);
  });

  it('refuses a cover after the body has started, and an invalid timestamp', () => {
    const pdf = new ReportPdf(options());
    pdf.section('First');
    expect(() => pdf.cover({ title: 'Late cover' })).toThrow(/cover must come first/);
    expect(() => new ReportPdf(options({ timestamp: new Date('not a date') }))).toThrow(RangeError);
  });

  it('says so when the contents need more pages than were reserved, and uses the reserve', async () => {
    const fill = (pdf: ReportPdf) => {
      pdf.cover({ title: 'Many sections' });
      for (let i = 1; i <= 60; i++) pdf.section(`Section ${i}`);
      return pdf;
    };
    await expect(fill(new ReportPdf(options())).toBuffer()).rejects.toThrow(
      /contents need 2 pages but 1 were reserved/,
    );
    const pages = await pdfPages(await fill(new ReportPdf(options({ contents: { title: 'Contents', pages: 2 } }))).toBuffer());
    expect(lines(pages[1])[0]).toBe('Contents');
    expect(lines(pages[2])[0]).toBe('Contents (continued)');
    expect(pages.slice(1, 3).join('\n')).toMatch(/Section 60\s+\d+/);
  });

  it('adds no page of its own: footers and fixed lines never spill over', async () => {
    const pdf = new ReportPdf(options({ contents: false }));
    pdf.paragraph('Only a paragraph.');
    const pages = await pdfPages(await pdf.toBuffer());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Page 1 of 1');
  });

  it('prints text outside WinAnsi with "?" instead of failing', async () => {
    const pdf = new ReportPdf(options({ contents: false }));
    pdf.paragraph('Plan \u2192 next year \u2713');
    const [page] = await pdfPages(await pdf.toBuffer());
    expect(page).toContain('Plan ? next year ?');
  });
});

describe('ReportPdf determinism', () => {
  const build = () => {
    const pdf = new ReportPdf(options());
    pdf.cover({ title: 'Same every time', fields: [{ key: 'k', value: 'v' }] });
    pdf.section('One');
    pdf.table({ columns: [{ header: 'A', width: 1 }], rows: [['1'], ['2']] });
    pdf.barChart({ labels: ['x'], series: [{ name: 's', values: [1] }] });
    return pdf.toBuffer();
  };

  afterEach(() => jest.useRealTimers());

  it('gives the same bytes for the same calls, whatever the clock says', async () => {
    // Only the clock is faked: pdfkit's stream still needs real ticks.
    jest.useFakeTimers({
      now: new Date('2030-01-01T00:00:00Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    const first = await build();
    jest.setSystemTime(new Date('2031-06-15T12:34:56.789Z'));
    const second = await build();
    jest.useRealTimers();
    const third = await build();
    expect(second.equals(first)).toBe(true);
    expect(third.equals(first)).toBe(true);
  });

  it('records the given timestamp as creation and modification date', async () => {
    const pdf = (await build()).toString('latin1');
    expect(pdf.match(/\(D:20250901170000Z\)/g)).toHaveLength(2);
  });

  it('changes with the timestamp (the document ID follows it)', async () => {
    const other = new ReportPdf(options({ timestamp: new Date('2026-01-01T00:00:00Z') }));
    other.cover({ title: 'Same every time', fields: [{ key: 'k', value: 'v' }] });
    other.section('One');
    other.table({ columns: [{ header: 'A', width: 1 }], rows: [['1'], ['2']] });
    other.barChart({ labels: ['x'], series: [{ name: 's', values: [1] }] });
    const [a, b] = [await build(), await other.toBuffer()];
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(a)).toBeDefined();
    expect(id(b)).not.toBe(id(a));
  });
});
