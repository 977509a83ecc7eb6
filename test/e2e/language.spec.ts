/** The language follows the browser, can be switched with the language select (remembered), and `?lang=` opens in that language. */
import { expect, test } from "./support/fixtures.js";
import { BROWSER_LOCALE, LANGS, RTL_LANGS, t, viewName } from "./support/views.js";

test("switching language with the language select is remembered across reload", async ({ page }) => {
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "en");
  await page.getByRole("combobox", { name: t("en", "web.language"), exact: true }).selectOption("fa");
  await expect(html).toHaveAttribute("lang", "fa");
  await expect(html).toHaveAttribute("dir", "rtl");
  const overview = page.getByRole("navigation").getByRole("link", { name: viewName("fa", "overview") });
  await expect(overview).toBeVisible();

  await page.reload();
  await expect(html).toHaveAttribute("lang", "fa");
  await expect(overview).toBeVisible();
  // remembered, not only kept in the URL: a link without ?lang= opens in Persian too
  await page.goto("/sales");
  await expect(html).toHaveAttribute("lang", "fa");
  await expect(page.getByRole("combobox", { name: t("fa", "web.language"), exact: true })).toHaveValue("fa");
});

for (const lang of LANGS) {
  test.describe(`?lang=${lang}`, () => {
    // a browser in another language, so the parameter is what decides
    test.use({ locale: lang === "en" ? BROWSER_LOCALE.fa : BROWSER_LOCALE.en });

    test(`/?lang=${lang} opens in that language`, async ({ page }) => {
      await page.goto(`/?lang=${lang}`);
      const html = page.locator("html");
      await expect(html).toHaveAttribute("lang", lang);
      await expect(html).toHaveAttribute("dir", RTL_LANGS.includes(lang) ? "rtl" : "ltr");
      await expect(
        page.getByRole("navigation").getByRole("link", { name: viewName(lang, "goals"), exact: true }),
      ).toBeVisible();
    });
  });
}
