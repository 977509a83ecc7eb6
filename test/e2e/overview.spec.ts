/**
 * The overview shows the API's numbers: every KPI card's data-value equals
 * the value of its metric in the same /api/v1/report request, fetched again
 * by the test; and a card opens its drill-down rows in a dialog, as many as
 * /api/v1/explain counts.
 */
import type { Page } from "@playwright/test";
import { getJson } from "./support/api.js";
import { expect, test } from "./support/fixtures.js";
import { BROWSER_LOCALE, type Lang, openView, t } from "./support/views.js";

interface ReportBody {
  periods: { label: string }[];
  values: { metric: string; period: string; segment: unknown; value: number | null }[];
}

/** Opens the overview and returns the report requests it made (path + query). */
async function openOverviewRecordingReports(page: Page, lang: Lang): Promise<string[]> {
  const urls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/v1/report") urls.push(url.pathname + url.search);
  });
  await openView(page, "overview", lang);
  return urls;
}

// English on Gregorian months, Persian on Jalali months (the dataset's default calendar differs by language)
for (const lang of ["en", "fa"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });

    test(`every KPI card shows the value the API reports (${lang})`, async ({ page, request }) => {
      const urls = await openOverviewRecordingReports(page, lang);
      expect(urls.length).toBeGreaterThan(0);
      const expected = new Map<string, number | null>();
      for (const url of urls) {
        const report = await getJson<ReportBody>(request, url);
        const last = report.periods.at(-1)?.label;
        for (const v of report.values) {
          if (v.period === last && v.segment === null) expected.set(v.metric, v.value);
        }
      }

      const cards = page.getByTestId(/^kpi-value-/);
      await expect(cards.first()).toBeVisible();
      const shown = await cards.evaluateAll((elements) =>
        elements.map((e) => [e.getAttribute("data-testid") ?? "", e.getAttribute("data-value")] as const),
      );
      expect(shown.length).toBeGreaterThan(5);
      for (const [testId, value] of shown) {
        const metric = testId.replace(/^kpi-value-/, "");
        expect(expected.has(metric), `${metric} is in the overview's report`).toBe(true);
        const want = expected.get(metric) ?? null;
        if (want === null) expect(value ?? "", metric).toBe("");
        else expect(Number(value), metric).toBeCloseTo(want, 9);
      }
    });
  });
}

for (const metric of ["customer_churn_rate", "new_customers"]) {
  // a ratio (rows behind its numerator) and a count (rows behind its value)
  test(`the ${metric} card opens its drill-down rows in a dialog`, async ({ page, request }) => {
    await openView(page, "overview", "en");
    const card = page.getByTestId(`kpi-value-${metric}`);
    await card.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]drill=${metric}&dp=`));
    const period = new URL(page.url()).searchParams.get("dp") ?? "";

    const explain = await getJson<{ total: number }>(
      request,
      `/api/v1/explain?metric=${metric}&period=${period}&grain=month&side=${metric === "new_customers" ? "value" : "numerator"}`,
    );
    expect(explain.total).toBeGreaterThan(0);
    await expect(
      dialog.getByText(t("en", "web.drill.rows", { total: explain.total.toLocaleString("en-US") })),
    ).toBeVisible();
    // a header row and at least one row of data
    await expect(dialog.getByRole("table").getByRole("row").nth(1)).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(card).toBeFocused();
  });
}
