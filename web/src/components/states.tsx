import { useI18n } from "../i18n/i18n.js";

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="state loading" role="status" aria-live="polite">
      {t("web.loading")}
    </p>
  );
}

export function Empty({ text }: { readonly text?: string }) {
  const { t } = useI18n();
  return <p class="state empty">{text ?? t("web.empty")}</p>;
}

export function ErrorState({ error, onRetry }: { readonly error: Error; readonly onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="state error" role="alert">
      <p>{t("web.error", { message: error.message })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("web.retry")}
        </button>
      )}
    </div>
  );
}

/** Loading, then error, then empty, then the content. */
export function Async<T>(props: {
  readonly state: { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };
  readonly empty?: (data: T) => boolean;
  readonly emptyText?: string;
  readonly children: (data: T) => preact.ComponentChildren;
}) {
  const { data, error, loading, reload } = props.state;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (data === undefined) return loading ? <Loading /> : <Empty />;
  if (props.empty?.(data)) return <Empty text={props.emptyText} />;
  return <>{props.children(data)}</>;
}
