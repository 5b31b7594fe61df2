import {
  csvCell,
  diffFigures,
  neutraliseFormula,
  renderCsv,
  renderJson,
  reportFigures,
  sha256Hex,
} from './report-figures.rule';

const REPORT = {
  schemaVersion: 1,
  header: { departmentName: 'Parks, Recreation', fiscalYear: '2024-25', coordinatorName: null },
  classes: {
    classes: [
      { classCode: '1441', designation: 'LPEL', ladderTargetClassCodes: ['5157', '4800'], n: 3 },
      { classCode: '5157', designation: 'ELTPA', ladderTargetClassCodes: [], n: { value: null, suppressed: true } },
    ],
  },
  participation: { applications: { received: 7 }, open: true },
  pipeline: [{ classCode: '5157', eligible: 2 }],
  diversity: {
    decisions: {
      approvedPlan: { byDimension: { gender: { groups: [{ group: 'FEMALE', selected: 2 }] } } },
    },
  },
};

describe('reportFigures', () => {
  it('flattens sections, items and the groups of array elements', () => {
    expect(reportFigures(REPORT).map((f) => [f.section, f.item, f.group, f.value, f.path])).toEqual([
      ['report', 'schemaVersion', '', 1, 'schemaVersion'],
      ['header', 'departmentName', '', 'Parks, Recreation', 'header.departmentName'],
      ['header', 'fiscalYear', '', '2024-25', 'header.fiscalYear'],
      ['header', 'coordinatorName', '', null, 'header.coordinatorName'],
      ['classes', 'classes.classCode', '1441', '1441', 'classes.classes[1441].classCode'],
      ['classes', 'classes.designation', '1441', 'LPEL', 'classes.classes[1441].designation'],
      ['classes', 'classes.ladderTargetClassCodes', '1441', '5157;4800', 'classes.classes[1441].ladderTargetClassCodes'],
      ['classes', 'classes.n', '1441', 3, 'classes.classes[1441].n'],
      ['classes', 'classes.classCode', '5157', '5157', 'classes.classes[5157].classCode'],
      ['classes', 'classes.designation', '5157', 'ELTPA', 'classes.classes[5157].designation'],
      ['classes', 'classes.ladderTargetClassCodes', '5157', '', 'classes.classes[5157].ladderTargetClassCodes'],
      ['classes', 'classes.n', '5157', 'SUPPRESSED', 'classes.classes[5157].n'],
      ['participation', 'applications.received', '', 7, 'participation.applications.received'],
      ['participation', 'open', '', true, 'participation.open'],
      ['pipeline', 'classCode', '5157', '5157', 'pipeline[5157].classCode'],
      ['pipeline', 'eligible', '5157', 2, 'pipeline[5157].eligible'],
      [
        'diversity',
        'decisions.approvedPlan.byDimension.gender.groups.group',
        'FEMALE',
        'FEMALE',
        'diversity.decisions.approvedPlan.byDimension.gender.groups[FEMALE].group',
      ],
      [
        'diversity',
        'decisions.approvedPlan.byDimension.gender.groups.selected',
        'FEMALE',
        2,
        'diversity.decisions.approvedPlan.byDimension.gender.groups[FEMALE].selected',
      ],
    ]);
  });

  it('array elements without an identifying key are numbered', () => {
    expect(reportFigures({ s: { list: [{ a: 1 }, { a: 2 }] } }).map((f) => f.path)).toEqual([
      's.list[0].a',
      's.list[1].a',
    ]);
  });
});

describe('CSV', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises formulas: %j -> %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1,2', `"'=1,2"`],
    ['\rx', `"'\rx"`],
  ])('quotes per RFC 4180: %j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('one header row and one CRLF-terminated row per figure', () => {
    const csv = renderCsv({
      header: { departmentName: '=HYPERLINK("http://x")', code: 'D1' },
      counts: { a: { value: null, suppressed: true }, b: 0, c: null },
    }).toString('utf8');
    expect(csv).toBe(
      [
        'section,item,group,value',
        `header,departmentName,,"'=HYPERLINK(""http://x"")"`,
        'header,code,,D1',
        'counts,a,,SUPPRESSED',
        'counts,b,,0',
        'counts,c,,',
        '',
      ].join('\r\n'),
    );
  });
});

describe('renderJson and sha256Hex', () => {
  it('is deterministic: same data, same bytes, same hash', () => {
    const a = renderJson({ x: 1, y: [1, 2] });
    const b = renderJson({ x: 1, y: [1, 2] });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('utf8')).toBe('{\n  "x": 1,\n  "y": [\n    1,\n    2\n  ]\n}\n');
    expect(sha256Hex(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('diffFigures', () => {
  const older = {
    header: { generatedAt: 't1', fiscalYear: '2024-25' },
    moves: { total: 2, byClass: [{ classCode: '5157', n: 2 }], hidden: 1 },
  };
  const newer = {
    header: { generatedAt: 't2', fiscalYear: '2024-25' },
    moves: {
      total: 3,
      byClass: [
        { classCode: '5157', n: 2 },
        { classCode: '4800', n: 1 },
      ],
      hidden: { value: null, suppressed: true },
    },
  };

  it('lists changed and added figures in the newer order, then removed ones', () => {
    expect(diffFigures(older, newer, (path) => path === 'header.generatedAt')).toEqual([
      { path: 'moves.total', change: 'CHANGED', old: 2, new: 3 },
      { path: 'moves.byClass[4800].classCode', change: 'ADDED', old: null, new: '4800' },
      { path: 'moves.byClass[4800].n', change: 'ADDED', old: null, new: 1 },
      { path: 'moves.hidden', change: 'CHANGED', old: 1, new: 'SUPPRESSED' },
    ]);
    expect(diffFigures(newer, older, (path) => path === 'header.generatedAt')).toEqual([
      { path: 'moves.total', change: 'CHANGED', old: 3, new: 2 },
      { path: 'moves.hidden', change: 'CHANGED', old: 'SUPPRESSED', new: 1 },
      { path: 'moves.byClass[4800].classCode', change: 'REMOVED', old: '4800', new: null },
      { path: 'moves.byClass[4800].n', change: 'REMOVED', old: 1, new: null },
    ]);
  });

  it('the same report: nothing moved; without an ignore list volatile fields count', () => {
    expect(diffFigures(older, older)).toEqual([]);
    expect(diffFigures(older, { ...older, header: { ...older.header, generatedAt: 't3' } })).toEqual([
      { path: 'header.generatedAt', change: 'CHANGED', old: 't1', new: 't3' },
    ]);
  });
});
