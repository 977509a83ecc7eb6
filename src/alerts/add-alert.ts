import type { Engine } from "../core/engine.js";
import { getGoal } from "../goals/goal-store.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { type Alert, type AlertInput, defineAlert } from "./alert.js";
import { nextAlertId, saveAlert } from "./alert-store.js";

/**
 * Checks and stores an alert: the rule must read, its metric exist and its
 * goal (for `goal … at risk`) be stored. The calendar defaults to the dataset's.
 *
 * @example await addAlert(engine, { rule: "customer_churn_rate above 3%", email: ["ops@example.com"] })
 */
export async function addAlert(engine: Engine, input: AlertInput, now = Date.now()): Promise<Alert> {
  const settings = await loadDatasetSettings(engine);
  const alert = defineAlert(input, input.id ?? (await nextAlertId(engine)), settings.calendar);
  if (alert.condition.kind === "goal_at_risk") await getGoal(engine, alert.condition.goal);
  await saveAlert(engine, alert, now);
  return alert;
}
