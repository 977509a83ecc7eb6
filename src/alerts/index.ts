export { addAlert } from "./add-alert.js";
export { type Alert, type AlertInput, alertTitle, defineAlert } from "./alert.js";
export { type AlertCondition, parseAmount, parseRule, ruleText } from "./alert-rule.js";
export {
  ALERT_STATES,
  type AlertEvent,
  type AlertState,
  changeOf,
  judgeGoal,
  judgeMetric,
  nextState,
  type Verdict,
} from "./alert-state.js";
export {
  type AlertHistoryEntry,
  type DeliveryOutcome,
  getAlert,
  listAlerts,
  listHistory,
  nextAlertId,
  removeAlert,
  saveAlert,
} from "./alert-store.js";
export { type DeliveryConfig, deliveryConfigOf, NO_SMTP } from "./delivery/deliver-notice.js";
export { type AlertNotice, buildNotice, describeCondition } from "./digest/alert-notice.js";
export { type AlertReading, readAlert } from "./read-alert.js";
export {
  deliverPending,
  type EvaluationSummary,
  evaluateAlerts,
  type PendingNotice,
  recordDeliveries,
  runAlerts,
  type SentNotice,
  testAlert,
} from "./run-alerts.js";
