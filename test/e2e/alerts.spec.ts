/** The alerts panel of the Goals view: add an alert, see its state and history, remove it. */
import { getJson } from "./support/api.js";
import { expect, isolatedTest as test } from "./support/fixtures.js";
import { openView, t } from "./support/views.js";

interface AlertsBody {
  alerts: { id: string; rule: string; webhooks: string[]; state: string }[];
}

test("adding, inspecting and removing an alert in the dashboard", async ({ page, request }) => {
  await openView(page, "goals", "en");
  const panel = page.getByTestId("alerts-panel");
  await expect(panel.getByText(t("en", "web.alerts.none"))).toBeVisible();

  const form = panel.getByRole("form", { name: t("en", "web.alerts.add") });
  await form
    .getByRole("textbox", { name: t("en", "web.alerts.rule"), exact: true })
    .fill("new_customers above 0");
  await form
    .getByRole("textbox", { name: t("en", "web.alerts.recipients"), exact: true })
    .fill("ops@example.com, https://hooks.example.com/services/T0/B0/x");
  await form.getByRole("button", { name: t("en", "web.alerts.save"), exact: true }).click();

  const card = panel.getByRole("article", { name: "new_customers above 0 per month" });
  await expect(card).toBeVisible();
  await expect(card.getByText(t("en", "web.alerts.state.ok"), { exact: true })).toBeVisible();
  const stored = (await getJson<AlertsBody>(request, "/api/v1/alerts")).alerts;
  expect(stored).toMatchObject([
    {
      id: "a1",
      rule: "new_customers above 0 per month",
      webhooks: ["https://hooks.example.com/services/T0/B0/x"],
    },
  ]);

  // A check without sending writes a line of history.
  const tested = await request.post("/api/v1/alerts/a1/test", { data: { send: false } });
  expect(tested.status()).toBe(200);
  await card.getByRole("button", { name: t("en", "web.alerts.history"), exact: true }).click();
  const history = card.getByRole("list", { name: t("en", "web.alerts.history") });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history.getByRole("listitem").first()).toContainText(t("en", "web.alerts.event.test"));

  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: t("en", "web.alerts.delete"), exact: true }).click();
  await expect(card).toBeHidden();
  expect((await getJson<AlertsBody>(request, "/api/v1/alerts")).alerts).toEqual([]);
});
