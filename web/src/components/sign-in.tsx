import { useEffect, useRef, useState } from "preact/hooks";
import { clearToken, isSignInNeeded, onSignInNeeded, storedToken, storeToken } from "../api/auth-token.js";
import { checkToken } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";

/** The sign-in dialog: opens when a request got 401, checks the token, stores it and lets the requests resume. */
export function SignInDialog() {
  const { t } = useI18n();
  const [open, setOpen] = useState(isSignInNeeded);
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  useEffect(() => onSignInNeeded(setOpen), []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!open) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    const token = input.current?.value.trim() ?? "";
    if (token === "") return;
    setBusy(true);
    setWrong(false);
    try {
      if (await checkToken(token)) storeToken(token);
      else {
        setWrong(true);
        input.current?.select();
      }
    } finally {
      setBusy(false);
    }
  };

  // Focus stays in the dialog: Tab wraps between the token field and the button.
  const trapTab = (event: KeyboardEvent) => {
    if (event.key !== "Tab") return;
    const first = input.current;
    const last = submitButton.current;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div class="backdrop">
      <div
        class="dialog sign-in"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sign-in-title"
        onKeyDown={trapTab}
      >
        <h2 id="sign-in-title">{t("web.auth.title")}</h2>
        <form onSubmit={submit} aria-labelledby="sign-in-title">
          <p>{t("web.auth.intro")}</p>
          <label>
            {t("web.auth.token")}
            <input
              ref={input}
              type="password"
              name="token"
              autocomplete="off"
              required
              aria-invalid={wrong ? "true" : undefined}
              aria-describedby={wrong ? "sign-in-error" : undefined}
            />
          </label>
          {wrong && (
            <p id="sign-in-error" class="state error" role="alert">
              {t("web.auth.wrong")}
            </p>
          )}
          <button ref={submitButton} type="submit" disabled={busy} aria-busy={busy ? "true" : undefined}>
            {busy ? t("web.auth.checking") : t("web.auth.submit")}
          </button>
        </form>
      </div>
    </div>
  );
}

/** "Sign out" in the header while a token is stored: forgets it and starts over (the next request asks again). */
export function SignOutButton() {
  const { t } = useI18n();
  const [signedIn, setSignedIn] = useState(() => storedToken() !== null);
  useEffect(() => onSignInNeeded(() => setSignedIn(storedToken() !== null)), []);
  if (!signedIn) return null;
  const signOut = () => {
    clearToken();
    window.location.reload();
  };
  return (
    <button type="button" class="small sign-out" onClick={signOut}>
      {t("web.auth.signOut")}
    </button>
  );
}
