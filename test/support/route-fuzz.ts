import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import type { Response } from 'supertest';
import type { RouteDeclaration } from '../../src/common/auth/route-inventory';
import { changedTables, databaseState, verifyAuditChain } from './db-state';
import type { DatabaseState } from './db-state';
import type { RoleWorld } from './fixtures';
import { acceptedCaller, methodOf } from './matrix-routes';
import type { Caller, HttpMethod, MatrixRequest, MatrixRoutes, Prepared } from './matrix-routes';
import type { TestApp } from './test-app';

/**
 * Hostile input for every route of the route inventory: malformed and random bodies, query
 * strings, path parameters and headers, built from the authorization matrix's valid request for
 * the route (so each one reaches as deep as a real caller's would). Whatever is sent, the answer
 * is never a 5xx, and a refused request leaves no trace: every table's rows (count and newest
 * row version) and the audit chain (length and head) are as they were.
 */

/** A route with the valid request the matrix builds for a caller it lets through. */
export interface RouteTarget {
  /** `METHOD pattern`, as the route inventory names it. */
  route: string;
  method: HttpMethod;
  pattern: string;
  caller: Caller;
  template: MatrixRequest;
  /** No matrix row yet: a made-up request (random ids), refused but still fuzzed. */
  guessed: boolean;
}

export interface HostileRequest {
  label: string;
  /** Full path with the query string, already encoded as it goes on the wire. */
  path: string;
  headers: Record<string, string>;
  /** Raw bytes or text; undefined sends no body. */
  body?: string | Buffer;
}

export interface FuzzStats {
  requests: number;
  refused: number;
  accepted: number;
  statuses: Record<string, number>;
  stateChecks: number;
  chainVerifications: number;
}

export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE employees; --',
  "'; DROP TABLE audit_log; --",
  '1; SELECT pg_sleep(10) --',
  "' UNION SELECT password_hash, email FROM users --",
  'lastName; DELETE FROM users',
  'asc, (SELECT 1 FROM pg_sleep(10))',
  "') OR ('a'='a",
  '$1',
  '\\x27 OR 1=1',
];

export const HOSTILE_STRINGS = [
  ...SQL_INJECTIONS,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  '\u202egnp.exe',
  '👩🏽‍💻🏳️‍🌈',
  'Ω≈ç√∫˜µ≤≥÷',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  '../../../../etc/passwd',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '2025-02-30',
  '99999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(10_000),
];

/** Field names worth adding to a body or a query, beside the route's own. */
const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'id',
  'version',
  'createdAt',
  'sort',
  'order',
  'page',
  'pageSize',
  'q',
  'status',
  'departmentId',
  'employeeId',
  'fiscalYear',
  'from',
  'to',
  'format',
  'audience',
];
const QUERY_KEYS = [...EXTRA_KEYS.slice(5)];

export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=----hostile',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'image/png',
];

const INVALID_JSON = [
  '{',
  '{"a": ',
  "{'a': 1}",
  '[1, 2',
  '{"a": 1}}',
  '{"a": 1,}',
  'NaN',
  'undefined',
  '\u0000',
  '{"a": "\\ud800"}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  '"just a string"',
  '12',
  'null',
];

/** Percent-encoded; a lone surrogate (not representable in UTF-8) goes as U+FFFD. */
const SEGMENT_ENCODED = (value: string) =>
  encodeURIComponent(
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );
/** Path and query pieces sent raw: broken percent-encoding and traversal. */
const RAW_PIECES = ['%', '%zz', '%E0%A4%A', '..', '%2e%2e%2f', '%00', '%ff%fe', '%C0%AE'];

// ------------------------------------------------------------------------------------------ targets

/** One target per registered route: the matrix's first accepted request, or a made-up one. */
export async function buildTargets(
  registered: RouteDeclaration[],
  routes: MatrixRoutes,
  t: TestApp,
  world: RoleWorld,
  prepared: Prepared,
): Promise<RouteTarget[]> {
  const seen = new Set<string>();
  const targets: RouteTarget[] = [];
  for (const declaration of registered) {
    const route = `${declaration.method} ${declaration.path}`;
    if (seen.has(route)) continue;
    seen.add(route);
    const cases = routes.rows[route] ?? [];
    const chosen = cases
      .map((matrixCase) => ({ matrixCase, caller: acceptedCaller(matrixCase) }))
      .find((entry) => entry.caller !== undefined);
    const method = methodOf(route);
    if (chosen?.caller) {
      targets.push({
        route,
        method,
        pattern: declaration.path,
        caller: chosen.caller,
        template: await chosen.matrixCase.request(world, prepared, t),
        guessed: false,
      });
      continue;
    }
    const caller: Caller = declaration.isPublic ? 'anonymous' : 'ADMIN';
    const template = cases[0]
      ? await cases[0].request(world, prepared, t)
      : { path: guessPath(declaration.path), body: method === 'get' ? undefined : {} };
    targets.push({
      route,
      method,
      pattern: declaration.path,
      caller,
      template,
      guessed: !cases[0],
    });
  }
  return targets;
}

function guessPath(pattern: string): string {
  const filled = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? randomUUID() : segment))
    .join('/');
  return filled.startsWith('health') ? `/${filled}` : `/api/${filled}`;
}

// ------------------------------------------------------------------------------------ templates

interface TemplateParts {
  prefix: string;
  segments: string[];
  /** Indexes of `segments` that are path parameters. */
  params: number[];
  query: [string, string][];
  body: unknown;
  headers: Record<string, string>;
}

function partsOf(target: RouteTarget): TemplateParts {
  const [pathOnly, queryString = ''] = target.template.path.split('?');
  const prefix = pathOnly.startsWith('/api/') ? '/api/' : '/';
  const segments = pathOnly.slice(prefix.length).split('/');
  const patternSegments = target.pattern.split('/');
  const params = patternSegments.flatMap((segment, index) =>
    segment.startsWith(':') && index < segments.length ? [index] : [],
  );
  return {
    prefix,
    segments,
    params,
    query: [...new URLSearchParams(queryString).entries()],
    body: target.template.body,
    headers: { ...(target.template.headers ?? {}) },
  };
}

function assemble(parts: TemplateParts, query: [string, string][], rawQuery = ''): string {
  const encoded = query.map(([key, value]) => `${SEGMENT_ENCODED(key)}=${SEGMENT_ENCODED(value)}`);
  const all = [...encoded, ...(rawQuery ? [rawQuery] : [])].join('&');
  return `${parts.prefix}${parts.segments.join('/')}${all ? `?${all}` : ''}`;
}

const jsonHeaders = (headers: Record<string, string>) => ({
  ...headers,
  'Content-Type': 'application/json',
});

function withJsonBody(
  label: string,
  parts: TemplateParts,
  body: unknown,
  path = assemble(parts, parts.query),
): HostileRequest {
  if (body === undefined) return { label, path, headers: { ...parts.headers } };
  return { label, path, headers: jsonHeaders(parts.headers), body: JSON.stringify(body) };
}

/** Applies `change` to every string (and, with `all`, every) leaf of a JSON value. */
function mapLeaves(value: unknown, change: (leaf: unknown) => unknown, all = false): unknown {
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, change, all));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, mapLeaves(child, change, all)]),
    );
  }
  return typeof value === 'string' || all ? change(value) : value;
}

function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { length: value.length };
  if (value === null) return [];
  return [value];
}

const hasBody = (target: RouteTarget) => target.method !== 'get';

// --------------------------------------------------------------------------------------- basics

/**
 * The hostile requests every route gets, deterministically: NUL characters, SQL injection and
 * wrong types in every field, injected sort and order, invalid ids in the path, and (for writes)
 * broken JSON, a wrong content type and a body over the limit.
 */
export function basicHostileRequests(
  target: RouteTarget,
  bodyLimitBytes: number,
  { transport = true }: { transport?: boolean } = {},
): HostileRequest[] {
  const parts = partsOf(target);
  const requests: HostileRequest[] = [];
  const body = parts.body ?? {};
  const nulQuery = parts.query.map(([key, value]): [string, string] => [key, `${value}\u0000`]);
  const sqlQuery: [string, string][] = [
    ...parts.query.map(([key]): [string, string] => [key, SQL_INJECTIONS[0]]),
    ['sort', SQL_INJECTIONS[1]],
    ['order', SQL_INJECTIONS[6]],
    ['q', SQL_INJECTIONS[4]],
  ];
  requests.push(
    withJsonBody(
      'NUL in every query value',
      parts,
      hasBody(target) ? body : undefined,
      assemble(parts, [...nulQuery, ['q', 'a\u0000b']]),
    ),
    withJsonBody(
      'SQL injection in filters, sort and order',
      parts,
      hasBody(target) ? body : undefined,
      assemble(parts, sqlQuery),
    ),
  );
  if (hasBody(target)) {
    requests.push(
      withJsonBody(
        'NUL in every body string',
        parts,
        mapLeaves(body, (leaf) => `${String(leaf)}\u0000`),
      ),
      withJsonBody(
        'SQL injection in every body string',
        parts,
        mapLeaves(body, () => SQL_INJECTIONS[1]),
      ),
      {
        label: 'JSON nested 5,000 levels deep',
        path: assemble(parts, parts.query),
        headers: jsonHeaders(parts.headers),
        body: `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      },
      withJsonBody('every field of another type', parts, mapLeaves(body, otherType, true)),
    );
  }
  // Handled before any route code runs (body parser, upload interceptors): `transport: false`
  // leaves them out where a quick pass covers them on a sample of routes.
  if (hasBody(target) && transport) {
    requests.push(
      multipartUpload(
        'a CSV upload with NUL characters, SQL injection and formulas',
        assemble(parts, parts.query),
        'roster.csv',
        Buffer.from(
          `${ROSTER_HEADER},na\u0000me\n${['E\u00001', SQL_INJECTIONS[1], '=HYPERLINK("http://evil")', 'X', 'FULL_TIME', '2021-01-01', 'ASIAN_LAOTIAN', 'MALE', 'x'].map(csvCell).join(',')}\n`,
        ),
      ),
      {
        label: 'broken JSON',
        path: assemble(parts, parts.query),
        headers: jsonHeaders(parts.headers),
        body: '{"broken": ',
      },
      {
        label: 'JSON sent as text/plain',
        path: assemble(parts, parts.query),
        headers: { ...parts.headers, 'Content-Type': 'text/plain' },
        body: JSON.stringify(body),
      },
      withJsonBody('a body over the limit', parts, {
        ...(typeof body === 'object' && body !== null ? body : {}),
        padding: 'x'.repeat(bodyLimitBytes + 1024),
      }),
    );
  }
  if (parts.params.length > 0) {
    const replaced = (value: (segment: string) => string) => {
      const segments = [...parts.segments];
      for (const index of parts.params) segments[index] = value(segments[index]);
      return assemble({ ...parts, segments }, parts.query);
    };
    requests.push(
      withJsonBody(
        'SQL injection in every path parameter',
        parts,
        parts.body,
        replaced(() => SEGMENT_ENCODED(SQL_INJECTIONS[0])),
      ),
      withJsonBody(
        'NUL in every path parameter',
        parts,
        parts.body,
        replaced((segment) => `${segment}%00`),
      ),
    );
  }
  return requests;
}

// -------------------------------------------------------------------------------- random inputs

const hugeString = fc.integer({ min: 1_000, max: 60_000 }).map((length) => 'x'.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((text) => `${text}\u0000${text}`) },
  { weight: 1, arbitrary: hugeString },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.constantFrom(0, -1, 1e20, -1e20, 2 ** 31, 2 ** 53, 1e308, -0, 0.1, 1.005),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Random hostile requests derived from the route's valid one. */
export function hostileRequestArbitrary(
  target: RouteTarget,
  bodyLimitBytes: number,
): fc.Arbitrary<HostileRequest> {
  const parts = partsOf(target);
  const body =
    typeof parts.body === 'object' && parts.body !== null && !Array.isArray(parts.body)
      ? (parts.body as Record<string, unknown>)
      : {};
  const bodyKeys = Object.keys(body);
  const queryKeys = [...new Set([...parts.query.map(([key]) => key), ...QUERY_KEYS])];
  const path = () => assemble(parts, parts.query);

  const queryMutation = fc
    .array(fc.tuple(fc.constantFrom(...queryKeys), hostileString), { minLength: 1, maxLength: 4 })
    .chain((pairs) =>
      fc.oneof(
        fc.constant<HostileRequest>({
          label: `query ${pairs.map(([key]) => key).join(',')}`,
          path: assemble(parts, [
            ...parts.query.filter(([key]) => !pairs.some(([changed]) => changed === key)),
            ...pairs,
          ]),
          headers: jsonHeaders(parts.headers),
          body: hasBody(target) ? JSON.stringify(parts.body ?? {}) : undefined,
        }),
        fc.constantFrom(...RAW_PIECES).map((raw): HostileRequest => ({
          label: `raw query ${raw}`,
          path: assemble(parts, parts.query, `${pairs[0][0]}=${raw}&${pairs[0][0]}=${raw}`),
          headers: jsonHeaders(parts.headers),
          body: hasBody(target) ? JSON.stringify(parts.body ?? {}) : undefined,
        })),
      ),
    );

  const mutations: fc.Arbitrary<HostileRequest>[] = [queryMutation];

  if (parts.params.length > 0) {
    mutations.push(
      fc
        .tuple(
          fc.constantFrom(...parts.params),
          fc.oneof(hostileString.map(SEGMENT_ENCODED), fc.constantFrom(...RAW_PIECES)),
        )
        .map(([index, value]) => {
          const segments = [...parts.segments];
          segments[index] = value === '' ? '%20' : value;
          return withJsonBody(
            `path parameter ${target.pattern.split('/')[index]}`,
            parts,
            hasBody(target) ? (parts.body ?? {}) : undefined,
            assemble({ ...parts, segments }, parts.query),
          );
        }),
    );
  }

  if (hasBody(target)) {
    mutations.push(
      fc.jsonValue().map((value) => withJsonBody('a random JSON body', parts, value)),
      fc
        .dictionary(fc.constantFrom(...bodyKeys, ...EXTRA_KEYS), hostileValue, {
          minKeys: 1,
          maxKeys: 4,
        })
        .map((changes) =>
          withJsonBody(`fields ${Object.keys(changes).join(',')}`, parts, { ...body, ...changes }),
        ),
      fc.constantFrom(...INVALID_JSON).map((text): HostileRequest => ({
        label: `invalid JSON ${text.slice(0, 12)}`,
        path: path(),
        headers: jsonHeaders(parts.headers),
        body: text,
      })),
      fc.constantFrom(...WRONG_CONTENT_TYPES).map((type): HostileRequest => ({
        label: `content type ${type}`,
        path: path(),
        headers: { ...parts.headers, 'Content-Type': type },
        body: JSON.stringify(parts.body ?? {}),
      })),
      fc
        .constantFrom(bodyLimitBytes + 1, bodyLimitBytes * 3)
        .map((size) =>
          withJsonBody(`a ${size}-byte body`, parts, { ...body, padding: 'x'.repeat(size) }),
        ),
      multipartArbitrary(path()),
    );
    if (bodyKeys.length > 0) {
      mutations.push(
        fc
          .subarray(bodyKeys, { minLength: 1 })
          .map((dropped) =>
            withJsonBody(
              `without ${dropped.join(',')}`,
              parts,
              Object.fromEntries(Object.entries(body).filter(([key]) => !dropped.includes(key))),
            ),
          ),
      );
    }
  }
  mutations.push(
    hostileString.map((value): HostileRequest => ({
      label: 'hostile If-Match',
      path: path(),
      headers: { ...jsonHeaders(parts.headers), 'If-Match': headerSafe(value) },
      body: hasBody(target) ? JSON.stringify(parts.body ?? {}) : undefined,
    })),
  );
  return fc.oneof(...mutations);
}

/** Header values cannot carry control characters or non-Latin-1 text on the wire. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '?').slice(0, 4000) || '""';

const MULTIPART_BOUNDARY = '----hostile-boundary';
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const ROSTER_HEADER =
  'employee_number,first_name,last_name,class_code,time_base,hire_date,ethnicities,gender';

/** A multipart upload with hostile file names and contents (CSV rows, broken XLSX, bytes). */
function multipartArbitrary(path: string): fc.Arbitrary<HostileRequest> {
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc
      .array(hostileString, { minLength: 8, maxLength: 8 })
      .map((cells) => Buffer.from(`${ROSTER_HEADER}\n${cells.map(csvCell).join(',')}\n`)),
    fc.constant(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0x41)])),
    fc.constant(Buffer.from('%PDF-1.4\n%%EOF\n')),
  );
  const fileName = fc.oneof(
    fc.constantFrom('roster.csv', 'roster.xlsx', 'evidence.pdf', '../../etc/passwd', 'a\u0000.csv'),
    hostileString.map((name) => `${name.slice(0, 300)}.csv`),
  );
  return fc
    .tuple(fileName, content, fc.constantFrom('file', 'upload', ''))
    .map(([name, bytes, field]) =>
      multipartUpload(
        `multipart upload ${JSON.stringify(name.slice(0, 20))}`,
        path,
        name,
        bytes,
        field,
      ),
    );
}

function multipartUpload(
  label: string,
  path: string,
  fileName: string,
  content: Buffer,
  field = 'file',
): HostileRequest {
  const head = Buffer.from(
    `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${MULTIPART_BOUNDARY}--\r\n`);
  return {
    label,
    path,
    headers: { 'Content-Type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` },
    body: Buffer.concat([head, content, tail]),
  };
}

// -------------------------------------------------------------------------------------- running

export interface HostileRunnerOptions {
  t: TestApp;
  world: RoleWorld;
  /** Tables a refused request of this route may change by design (e.g. failed sign-ins). */
  allowedChanges?: (route: string) => { tables: string[]; audit: boolean };
}

/** Sends hostile requests one at a time and checks each answer and what it left behind. */
export class HostileRunner {
  readonly stats: FuzzStats = {
    requests: 0,
    refused: 0,
    accepted: 0,
    statuses: {},
    stateChecks: 0,
    chainVerifications: 0,
  };

  /** The state after the previous request: requests run one at a time and nothing else writes. */
  private lastState: DatabaseState | undefined;

  constructor(private readonly options: HostileRunnerOptions) {}

  async send(target: RouteTarget, hostile: HostileRequest): Promise<Response> {
    const { t, world } = this.options;
    const before = this.lastState ?? (await databaseState(t.dataSource));
    this.lastState = undefined;
    const request = t.http[target.method](hostile.path);
    for (const [name, value] of Object.entries(hostile.headers)) request.set(name, value);
    if (target.caller !== 'anonymous') {
      request.set('Authorization', `Bearer ${world.tokens[target.caller]}`);
    }
    const started = Date.now();
    const response = await (hostile.body === undefined ? request : request.send(hostile.body));
    const elapsed = Date.now() - started;
    this.count(response.status);
    const after = await databaseState(t.dataSource);
    this.lastState = after;
    const where = `${target.route} as ${target.caller}, ${hostile.label}: ${hostile.path.slice(0, 200)}`;
    if (response.status >= 500) {
      throw new Error(`${response.status} for ${where}\n${response.text.slice(0, 500)}`);
    }
    if (hostile.path.includes('pg_sleep') || String(hostile.body).includes('pg_sleep')) {
      if (elapsed > 9_000) throw new Error(`took ${elapsed} ms (pg_sleep injected?) for ${where}`);
    }
    if (response.status >= 400) {
      if (
        response.status !== 431 &&
        !/problem\+json/.test(String(response.headers['content-type']))
      ) {
        throw new Error(`${response.status} without problem+json for ${where}`);
      }
      this.expectNoTrace(target, before, after, where);
    }
    return response;
  }

  /** The whole chain, once per route: nothing a request did broke it. */
  async verifyChain(route: string): Promise<void> {
    this.stats.chainVerifications += 1;
    const verdict = await verifyAuditChain(this.options.t.dataSource);
    if (!verdict.ok)
      throw new Error(`audit chain broken after ${route}: ${JSON.stringify(verdict)}`);
  }

  private expectNoTrace(
    target: RouteTarget,
    before: DatabaseState,
    after: DatabaseState,
    where: string,
  ): void {
    this.stats.stateChecks += 1;
    const allowed = this.options.allowedChanges?.(target.route) ?? { tables: [], audit: false };
    const changed = changedTables(before, after).filter((table) => !allowed.tables.includes(table));
    const auditChanged =
      before.audit.count !== after.audit.count || before.audit.headHash !== after.audit.headHash;
    if (changed.length > 0 || (auditChanged && !allowed.audit)) {
      throw new Error(
        `refused request left a trace (${[...changed, ...(auditChanged ? ['audit_log'] : [])].join(', ')}) for ${where}`,
      );
    }
  }

  private count(status: number): void {
    this.stats.requests += 1;
    if (status >= 400) this.stats.refused += 1;
    else this.stats.accepted += 1;
    this.stats.statuses[status] = (this.stats.statuses[status] ?? 0) + 1;
  }
}

/** What a refused request may change by design. */
export function designedSideEffects(route: string): { tables: string[]; audit: boolean } {
  // A refused sign-in is counted on the account (lockout) and audited.
  if (route === 'POST auth/login') return { tables: ['users'], audit: true };
  // Every import run is recorded, refused ones included.
  if (route === 'POST imports/:kind') return { tables: ['import_runs'], audit: false };
  return { tables: [], audit: false };
}

export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(limit);
  if (!match) throw new Error(`unexpected BODY_LIMIT ${limit}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}
