/**
 * The API client: JSON over fetch with the bearer token. The access token lives in memory only;
 * the refresh token in sessionStorage (gone with the tab), so a reload keeps the session and a
 * new tab asks to sign in. Refresh tokens rotate and a replayed one ends every session, so only
 * one refresh runs at a time.
 */
import type { TokenPair } from './types';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the API sends them. */
export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fieldProblems(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

const API = '/api';
const REFRESH_KEY = 'upward-mobility.refresh-token';

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let signedOutListener: () => void = () => undefined;

/** Called when the session ends on the server side (expired or revoked refresh token). */
export function onSignedOut(listener: () => void): void {
  signedOutListener = listener;
}

function keep(tokens: TokenPair): void {
  accessToken = tokens.accessToken;
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
}

function forget(): void {
  accessToken = null;
  sessionStorage.removeItem(REFRESH_KEY);
}

export function hasSession(): boolean {
  return accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  const message =
    problem?.detail ?? problem?.title ?? `The request failed (HTTP ${response.status}).`;
  return new ApiError(response.status, problem, message);
}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await fetch(`${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await problemOf(response);
  keep((await response.json()) as TokenPair);
}

/** Exchanges the stored refresh token for a new pair; false when there is no session left. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const response = await fetch(`${API}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      forget();
      return false;
    }
    keep((await response.json()) as TokenPair);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function signOut(): Promise<void> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (accessToken) {
    await fetch(`${API}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(refreshToken ? { refreshToken } : {}),
    }).catch(() => undefined);
  }
  forget();
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body`. */
  form?: FormData;
  /** The version last read, sent as If-Match: "<version>". */
  ifMatch?: number;
  accept?: string;
  signal?: AbortSignal;
}

export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return `${API}${path}${text ? `?${text}` : ''}`;
}

async function send(path: string, options: RequestOptions, retry = true): Promise<Response> {
  if (!accessToken) await refreshSession();
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: options.signal,
  });
  if (response.status === 401 && retry && (await refreshSession())) {
    return send(path, options, false);
  }
  if (response.status === 401) {
    forget();
    signedOutListener();
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** The JSON answer (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file: its bytes and the name the server gave it. */
export async function apiFile(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(path, { accept: '*/*', ...options });
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), fileName: match?.[1] ?? 'download' };
}
