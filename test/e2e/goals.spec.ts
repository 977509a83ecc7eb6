/** Adding a goal through the Goals form: the SMART check shows while typing, and the saved goal is listed and stored. */
import { getJson } from "./support/api.js";
import { expect, isolatedTest as test } from "./support/fixtures.js";
import { openView, t } from "./support/views.js";

interface GoalsBody {
  goals: { id: string; metric: string; target: number; direction: string; deadline: string | null }[];
}

test("adding a goal through the Goals form", async ({ page, request }) => {
  const before = (await getJson<GoalsBody>(request, "/api/v1/goals")).goals;
  await openView(page, "goals", "en");
  await page.getByRole("button", { name: t("en", "web.goals.add"), exact: true }).click();

  const form = page.getByRole("form", { name: t("en", "web.goals.add") });
  await form
    .getByRole("combobox", { name: t("en", "web.goals.metric"), exact: true })
    .selectOption("new_customers");
  await form.getByRole("textbox", { name: t("en", "web.goals.target"), exact: true }).fill("150");
  await form
    .getByRole("combobox", { name: t("en", "web.goals.direction"), exact: true })
    .selectOption("at-least");
  await form.getByRole("textbox", { name: t("en", "web.goals.start"), exact: true }).fill("2025-01-01");
  await form.getByRole("textbox", { name: t("en", "web.goals.deadline"), exact: true }).fill("2025-12-31");
  await form
    .getByRole("textbox", { name: t("en", "web.goals.why"), exact: true })
    .fill("A growing base funds the 2026 hires");
  // the SMART check appears as you type, before anything is saved
  await expect(form.getByTestId("smart-check").getByRole("listitem").first()).toBeVisible();

  await form.getByRole("button", { name: t("en", "web.goals.save"), exact: true }).click();
  await expect(form).toBeHidden();
  const card = page.getByRole("article", { name: "New customers" });
  await expect(card).toBeVisible();
  await expect(card.getByText(t("en", "web.goals.direction.at-least"))).toBeVisible();

  const after = (await getJson<GoalsBody>(request, "/api/v1/goals")).goals;
  expect(after).toHaveLength(before.length + 1);
  const added = after.find((g) => !before.some((b) => b.id === g.id));
  expect(added).toMatchObject({
    metric: "new_customers",
    target: 150,
    direction: "at-least",
    deadline: "2025-12-31",
  });
});
