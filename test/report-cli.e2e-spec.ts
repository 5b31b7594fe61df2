import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import { parseReportCommand } from '../src/cli/report-command';
import { runReportCommand } from '../src/cli/report-runner';
import { DomainError } from '../src/common/errors/domain-error';
import type { AnnualReportData } from '../src/modules/reports/annual-report.types';
import { auditCount, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/** `npm run report`: the same reports as the API, written as files into the reports folder. */
const FY = '2024-25';

describe('npm run report (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
  const run = (argv: string[], onProgress?: (step: string) => void) =>
    runReportCommand(t.app, t.config.reportsDir, parseReportCommand(argv), onProgress);

  beforeAll(async () => {
    t = await startTestApp();
    world = await makeRoleWorld(t.dataSource, t.http);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes the annual report draft in every format asked, with progress', async () => {
    const steps: string[] = [];
    const written = await run(
      [
        'annual',
        '--department',
        world.home.code.toLowerCase(),
        '--fy',
        FY,
        '--format',
        'json,pdf,xlsx',
      ],
      (step) => steps.push(step),
    );
    expect(written.map((file) => path.basename(file.path))).toEqual([
      `um-annual-report-${world.home.code}-${FY}-draft-department.json`,
      `um-annual-report-${world.home.code}-${FY}-draft-department.pdf`,
      `um-annual-report-${world.home.code}-${FY}-draft-department.xlsx`,
    ]);
    for (const file of written) {
      expect(path.dirname(file.path)).toBe(t.config.reportsDir);
      const content = fs.readFileSync(file.path);
      expect(sha256(content)).toBe(file.sha256);
      expect(content.length).toBe(file.bytes);
    }
    expect(steps[0]).toBe('computing the figures');
    expect(steps.at(-1)).toBe('done');
    expect(fs.readdirSync(t.config.reportsDir).filter((name) => name.endsWith('.partial'))).toEqual(
      [],
    );

    // The same figures as the API's draft (only the generation instant differs).
    const json = JSON.parse(fs.readFileSync(written[0].path, 'utf8')) as AnnualReportData;
    const api = await t.http
      .get(`/api/departments/${world.home.id}/reports/annual/${FY}`)
      .set('Authorization', `Bearer ${world.tokens.COORDINATOR}`)
      .expect(200);
    const withoutInstant = (data: AnnualReportData) => ({
      ...data,
      header: { ...data.header, generatedAt: null },
    });
    expect(withoutInstant(json)).toEqual(withoutInstant(api.body as AnnualReportData));
    expect(fs.readFileSync(written[1].path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const workbook = new Workbook();
    await workbook.xlsx.load(fs.readFileSync(written[2].path) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(3);
  });

  it('writes a certified version byte for byte as the API serves it, and audits the export', async () => {
    await t.http
      .post(`/api/departments/${world.home.id}/reports/annual/${FY}/certify`)
      .set('Authorization', `Bearer ${world.tokens.COORDINATOR}`)
      .expect(201);
    const out = fs.mkdtempSync(path.join(t.config.dataDir, 'out-'));
    const before = await auditCount(t.dataSource);
    const written = await run([
      'annual',
      `--department=${world.home.code}`,
      `--fy=${FY}`,
      '--version=1',
      '--format=pdf,csv',
      '--audience=oversight',
      `--out=${out}`,
    ]);
    expect(await auditCount(t.dataSource)).toBe(before + 2);
    for (const [index, format] of ['pdf', 'csv'].entries()) {
      const api = await t.http
        .get(`/api/departments/${world.home.id}/reports/annual/${FY}/versions/1`)
        .query({ format, audience: 'oversight' })
        .set('Authorization', `Bearer ${world.tokens.AUDITOR}`)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(path.dirname(written[index].path)).toBe(out);
      expect(fs.readFileSync(written[index].path).equals(api.body as Buffer)).toBe(true);
    }
  });

  it('writes the exceptions report and the statewide roll-up', async () => {
    const exceptions = await run([
      'exceptions',
      '--department',
      world.home.code,
      '--as-of',
      '2025-10-15',
    ]);
    expect(exceptions.map((file) => path.extname(file.path))).toEqual(['.json', '.csv']);
    const report = JSON.parse(fs.readFileSync(exceptions[0].path, 'utf8')) as {
      departmentId: string;
    };
    expect(report.departmentId).toBe(world.home.id);
    const statewide = await run(['statewide', '--fy', FY, '--format', 'json']);
    const rollup = JSON.parse(fs.readFileSync(statewide[0].path, 'utf8')) as {
      departments: { departmentCode: string; certified: boolean }[];
    };
    expect(rollup.departments.find((d) => d.departmentCode === world.home.code)?.certified).toBe(
      true,
    );
  });

  it('names an unknown department and writes nothing', async () => {
    const before = fs.readdirSync(t.config.reportsDir).length;
    await expect(run(['annual', '--department', 'NOPE', '--fy', FY])).rejects.toThrow(DomainError);
    expect(fs.readdirSync(t.config.reportsDir).length).toBe(before);
  });
});
