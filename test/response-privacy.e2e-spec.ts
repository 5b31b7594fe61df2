import type { Response } from 'supertest';
import { listRoutes } from '../src/common/auth/route-inventory';
import { Employee } from '../src/modules/employees/employee.entity';
import { fiscalYearOf } from '../src/modules/program-calendar/fiscal-year.rule';
import { programToday } from '../src/modules/program-calendar/program-date';
import { scanJson, scanText, unsuppressedSmallCounts } from './support/demographic-scan';
import type { Leak, ScanMode } from './support/demographic-scan';
import { makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { loadMatrixRoutes, prepareMatrix } from './support/matrix-routes';
import type { Prepared } from './support/matrix-routes';
import { asBytes, bodyBytes, pdfPages, readWorkbook } from './support/report-files';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * Voluntary self-identification (ethnicities, gender, disability, veteran) reaches only ADMIN and
 * the department's COORDINATOR, and the employee on their own self-identification route. Every
 * GET route of the route inventory is driven, with the authorization matrix's request builders,
 * as SUPERVISOR, EMPLOYEE and AUDITOR, after every employee was given answers; each body is
 * scanned (JSON recursively; CSV, XLSX and PDF reports as text). AUDITOR may receive aggregated,
 * suppressed diversity tables, never an individual's answer or identity beside them.
 */

const ROUTES = loadMatrixRoutes();
const OBSERVERS = ['SUPERVISOR', 'EMPLOYEE', 'AUDITOR'] as const;
/** Everyone's answers: found anywhere but as an aggregated table's group label, they leak. */
const MARKERS = ['ASIAN_LAOTIAN', 'PACIFIC_ISLANDER_SAMOAN', 'NONBINARY'];
const FISCAL_YEAR = fiscalYearOf(programToday());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const getCases = Object.entries(ROUTES.rows)
  .filter(([route]) => route.startsWith('GET '))
  .flatMap(([route, cases]) => cases.map((matrixCase, index) => ({ route, index, matrixCase })));
const rows = getCases.flatMap((getCase) => OBSERVERS.map((caller) => ({ ...getCase, caller })));

async function xlsxText(content: Buffer): Promise<string> {
  const workbook = await readWorkbook(content);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
  });
  return cells.join('\n');
}

/** The body as text a person reads (JSON as JSON), or undefined for uploaded evidence. */
async function readableText(response: Response, route: string): Promise<string | undefined> {
  const type = String(response.headers['content-type'] ?? '');
  const bytes = bodyBytes(response);
  if (type.includes(XLSX)) return xlsxText(bytes);
  if (type.startsWith('application/pdf')) {
    // Evidence is the employee's own upload; reports are rendered by the service.
    return route.includes('/reports/') ? (await pdfPages(bytes)).join('\n') : undefined;
  }
  return bytes.toString('utf8');
}

describe('Response privacy: no individual demographics for SUPERVISOR, EMPLOYEE, AUDITOR (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let prepared: Prepared;
  /** What an AUDITOR's files never contain: anyone's name, employee number or id. */
  let identities: string[];

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    prepared = await prepareMatrix(ROUTES, t, world);
    // Everyone answered, with subgroup codes only an individual answer can carry.
    await t.dataSource
      .createQueryBuilder()
      .update(Employee)
      .set({
        ethnicities: ['ASIAN_LAOTIAN', 'PACIFIC_ISLANDER_SAMOAN'],
        gender: 'NONBINARY',
        disability: 'YES',
        veteran: 'YES',
      })
      .where('true')
      .execute();
    const certified = await t.http
      .post(`/api/departments/${world.home.id}/reports/annual/${FISCAL_YEAR}/certify`)
      .set('Authorization', `Bearer ${world.tokens.ADMIN}`);
    if (certified.status !== 201) {
      throw new Error(`certification failed: ${certified.status} ${certified.text}`);
    }
    const people = await t.dataSource.getRepository(Employee).find();
    identities = people.flatMap((person) => [person.employeeNumber, person.lastName, person.id]);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string | undefined) => {
    const request = asBytes(t.http.get(path));
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };

  /**
   * Annual reports and the statewide roll-up carry aggregated diversity tables, whose rows are
   * labelled with the groups (the answers' codes); the SPB audit packet carries no demographics.
   */
  const groupLabelsAllowed = (path: string) => !path.includes('/reports/audit');

  async function leaksIn(response: Response, path: string, mode: ScanMode): Promise<Leak[]> {
    const type = String(response.headers['content-type'] ?? '');
    if (type.includes('json')) {
      const body: unknown = JSON.parse(bodyBytes(response).toString('utf8'));
      return [
        ...scanJson(body, mode, MARKERS),
        ...(mode === 'aggregates' ? unsuppressedSmallCounts(body) : []),
      ];
    }
    const text = await readableText(response, path);
    if (text === undefined) return [];
    if (mode === 'strict') return scanText(text, MARKERS);
    return scanText(text, groupLabelsAllowed(path) ? identities : [...identities, ...MARKERS]);
  }

  it('drives every GET route the app registers', () => {
    const registered = listRoutes(t.app)
      .filter((route) => route.method === 'GET')
      .map((route) => `GET ${route.path}`);
    expect([...new Set(getCases.map((getCase) => getCase.route))].sort()).toEqual(
      [...new Set(registered)].sort(),
    );
  });

  it('finds the answers where they belong: ADMIN reads them on the record (the scan works)', async () => {
    const response = await get(`/api/employees/${world.employees.peer.id}`, world.tokens.ADMIN);
    expect(response.status).toBe(200);
    const url = `/api/employees/${world.employees.peer.id}`;
    const reasons = (await leaksIn(response, url, 'strict')).map((l) => l.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['demographic key', 'individual answer ASIAN_LAOTIAN']),
    );
    const aggregated = (await leaksIn(response, url, 'aggregates')).map((l) => l.path);
    expect(aggregated).toEqual(
      expect.arrayContaining(['ethnicities', 'gender', 'disability', 'veteran']),
    );
  });

  it.each(rows)('$route (case $index) as $caller', async ({ route, caller, matrixCase }) => {
    const { path } = await matrixCase.request(world, prepared, t);
    const response = await get(path, world.tokens[caller]);
    // The matrix decides who gets what; this suite checks what the answer carries.
    expect({ status: response.status }).toEqual({ status: matrixCase.expect[caller] });
    const ownSelfIdentification =
      caller === 'EMPLOYEE' &&
      route === 'GET employees/:id/self-identification' &&
      path.includes(world.employees.employee.id);
    if (ownSelfIdentification) return;
    expect(await leaksIn(response, path, caller === 'AUDITOR' ? 'aggregates' : 'strict')).toEqual(
      [],
    );
  });

  describe('report files an AUDITOR downloads', () => {
    const downloads = [
      ...['json', 'csv', 'pdf', 'xlsx'].map((format) => ({
        name: `certified annual report, ${format}`,
        path: (w: RoleWorld) =>
          `/api/departments/${w.home.id}/reports/annual/${FISCAL_YEAR}/versions/1?format=${format}`,
      })),
      ...['json', 'csv', 'pdf', 'xlsx'].map((format) => ({
        name: `statewide roll-up, ${format}`,
        path: () => `/api/reports/statewide/${FISCAL_YEAR}?format=${format}`,
      })),
      ...['json', 'pdf', 'xlsx'].map((format) => ({
        name: `SPB audit packet, ${format}`,
        path: (w: RoleWorld) => `/api/departments/${w.home.id}/reports/audit?format=${format}`,
      })),
    ];

    /** Downloaded and read once, all at the same time (reading a PDF takes a child process). */
    const findings = new Map<string, Promise<{ status: number; leaks: Leak[]; named: Leak[] }>>();
    beforeAll(() => {
      for (const download of downloads) {
        const url = download.path(world);
        const finding = get(url, world.tokens.AUDITOR).then(async (response) => ({
          status: response.status,
          leaks: response.status === 200 ? await leaksIn(response, url, 'aggregates') : [],
          // Whatever the format, the text never names or numbers anyone.
          named: scanText((await readableText(response, url)) ?? '', identities),
        }));
        finding.catch(() => undefined); // reported by the test that awaits it
        findings.set(download.name, finding);
      }
    });

    it.each(downloads)('$name: aggregated and suppressed, nobody named', async ({ name }) => {
      expect(await findings.get(name)).toEqual({ status: 200, leaks: [], named: [] });
    });

    it('the same packet for the department names people (the text scan works)', async () => {
      const url = `/api/departments/${world.home.id}/reports/audit?format=xlsx&audience=department`;
      const response = await get(url, world.tokens.COORDINATOR);
      expect(response.status).toBe(200);
      expect(scanText((await readableText(response, url)) ?? '', identities)).not.toEqual([]);
    });
  });
});
