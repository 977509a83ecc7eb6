/**
 * The access token of `crm-kpi serve --auth`: kept in sessionStorage (gone
 * with the tab), and the sign-in request that a 401 raises and the sign-in
 * dialog answers. Requests waiting for it all resume with the one token.
 */

const KEY = "crm-kpi.token";

type Listener = (needed: boolean) => void;

let waiters: (() => void)[] = [];
const listeners = new Set<Listener>();

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
  const resume = waiters;
  waiters = [];
  for (const listener of listeners) listener(false);
  for (const resolve of resume) resolve();
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Asks for a token (the dialog opens) and resolves once one is stored. */
export function waitForSignIn(): Promise<void> {
  return new Promise((resolve) => {
    waiters.push(resolve);
    if (waiters.length === 1) for (const listener of listeners) listener(true);
  });
}

export function isSignInNeeded(): boolean {
  return waiters.length > 0;
}

/** Called with true when a sign-in is asked for, false once a token is stored. */
export function onSignInNeeded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
