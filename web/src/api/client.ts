/** The one module that talks to /api/v1: typed errors, cancellation, ?lang= on every call, the access token. */
import { storedToken, waitForSignIn } from "./auth-token.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Readonly<Record<string, QueryValue>>;

let currentLang = "en";

/** The language sent as ?lang= so error messages and period labels come localized. */
export function setApiLang(lang: string): void {
  currentLang = lang;
}

/** `/api/v1/report?metrics=a,b&lang=fa`; arrays become repeated parameters, empty values are left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, item);
    } else {
      params.set(key, String(value));
    }
  }
  params.set("lang", currentLang);
  return `/api/v1${path}?${params.toString()}`;
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details ?? {},
    );
  }
  return body as T;
}

/** Headers with `Authorization: Bearer` when a token is stored. */
export function authHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const token = storedToken();
  return token === null ? headers : { ...headers, authorization: `Bearer ${token}` };
}

/** fetch() with the token; a 401 opens the sign-in dialog and the request is sent again with the new token. */
async function send(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  for (;;) {
    const response = await fetch(url, { ...init, headers: authHeaders(init.headers) });
    if (response.status !== 401) return response;
    await response.body?.cancel();
    await waitForSignIn();
    init.signal?.throwIfAborted();
  }
}

/** A token the server accepts: a GET /dataset with it answers 2xx (401: not accepted). */
export async function checkToken(token: string): Promise<boolean> {
  const response = await fetch(apiUrl("/dataset"), {
    headers: { accept: "application/json", authorization: `Bearer ${token}` },
  });
  if (response.status === 401) {
    await response.body?.cancel();
    return false;
  }
  await parse(response);
  return true;
}

export async function apiGet<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const response = await send(apiUrl(path, query), { signal, headers: { accept: "application/json" } });
  return parse<T>(response);
}

/** POST/PUT/DELETE with a JSON body, or a FormData for uploads. */
export async function apiSend<T>(
  method: "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  const init: RequestInit & { headers: Record<string, string> } = {
    method,
    signal,
    headers: { accept: "application/json" },
  };
  if (isForm) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: "application/json", "content-type": "application/json" };
  }
  return parse<T>(await send(apiUrl(path), init));
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
