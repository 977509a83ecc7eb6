import nodemailer from "nodemailer";
import type { Alert } from "../alert.js";
import type { DeliveryOutcome } from "../alert-store.js";
import type { AlertNotice } from "../digest/alert-notice.js";

/** Where notices go out from: the SMTP server (`smtp://user:pass@host:port`, `smtps://…`) and the sender. */
export interface DeliveryConfig {
  readonly smtpUrl?: string;
  readonly smtpFrom?: string;
  /** Milliseconds a webhook may take to answer. */
  readonly webhookTimeoutMs?: number;
}

/**
 * The delivery settings of a process: options first, then CRM_KPI_SMTP_URL
 * and CRM_KPI_SMTP_FROM. The shells pass their environment in.
 */
export function deliveryConfigOf(
  options: { readonly smtpUrl?: string; readonly smtpFrom?: string },
  env: Readonly<Record<string, string | undefined>>,
): DeliveryConfig {
  const smtpUrl = options.smtpUrl ?? env.CRM_KPI_SMTP_URL;
  const smtpFrom = options.smtpFrom ?? env.CRM_KPI_SMTP_FROM;
  return { ...(smtpUrl ? { smtpUrl } : {}), ...(smtpFrom ? { smtpFrom } : {}) };
}

/** Marks that no SMTP server was set (the shells say how to set one). */
export const NO_SMTP = "no_smtp";

/**
 * Sends a notice to every recipient of its alert: one email to all the
 * addresses (the chart inline and attached as SVG), one POST per webhook.
 * Never throws: each channel's outcome is reported.
 */
export async function deliverNotice(
  notice: AlertNotice,
  alert: Pick<Alert, "email" | "webhooks">,
  config: DeliveryConfig,
): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  if (alert.email.length > 0) outcomes.push(...(await sendEmail(notice, alert.email, config)));
  for (const url of alert.webhooks) outcomes.push(await postWebhook(notice, url, config));
  return outcomes;
}

async function sendEmail(
  notice: AlertNotice,
  to: readonly string[],
  config: DeliveryConfig,
): Promise<DeliveryOutcome[]> {
  const fail = (error: string) =>
    to.map((target) => ({ channel: "email" as const, target, ok: false, error }));
  if (!config.smtpUrl) return fail(NO_SMTP);
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({
      from: config.smtpFrom ?? "crm-kpi <crm-kpi@localhost>",
      to: [...to],
      subject: notice.subject,
      text: notice.text,
      html: notice.html,
      headers: { "Content-Language": notice.lang },
      attachments: [
        {
          filename: "chart.svg",
          content: notice.svg,
          contentType: "image/svg+xml",
          cid: notice.chartCid,
        },
      ],
    });
    return to.map((target) => ({ channel: "email" as const, target, ok: true }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    transport.close();
  }
}

async function postWebhook(
  notice: AlertNotice,
  url: string,
  config: DeliveryConfig,
): Promise<DeliveryOutcome> {
  try {
    // Slack's incoming-webhook shape: `text` is the fallback, `blocks` the layout.
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ text: notice.text, blocks: notice.blocks }),
      signal: AbortSignal.timeout(config.webhookTimeoutMs ?? 10_000),
      redirect: "error",
    });
    await response.body?.cancel();
    return response.ok
      ? { channel: "webhook", target: url, ok: true }
      : { channel: "webhook", target: url, ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return {
      channel: "webhook",
      target: url,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
