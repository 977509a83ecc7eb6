import type { predictEn } from "./en.js";

export const predictZh = {
  "predict.cli.description": "根据某一日期之前的历史对每位客户进行预测",
  "predict.clv.cli.description":
    "预测的客户终身价值：每位客户的存活概率、预期购买次数与消费，以及折现后的终身价值",
  "predict.clv.option.calibrationEnd":
    "模型学习的最后一天，按数据集日历（默认：最后一个购买日）；之后的购买作为检验期",
  "predict.clv.option.horizon": "预测跨度：52w、12m、1y、90d",
  "cli.help.placeholder.rate": "利率",
  "predict.clv.option.discountRate": "终身价值的年折现率，例如 0.1 表示每年 10%",
  "predict.error.badHorizon": "--horizon 的值“{value}”不是一个时长。",
  "predict.error.badHorizon.fix": "请写周、月、年或天，例如 --horizon 52w、12m、1y 或 90d。",
  "predict.error.badDiscountRate": "--discount-rate 的值 {value} 不是 0 到 10 之间的年利率。",
  "predict.error.badDiscountRate.fix": "请把利率写成小数，例如 --discount-rate 0.1 表示每年 10%。",
  "predict.error.noCustomers": "学习期内没有客户购买：没有可用于拟合模型的数据。",
  "predict.error.noCustomers.fix": "请导入订单，或给出更晚的 --calibration-end。",
  "predict.error.noRepeats": "学习期内没有客户在两个不同的日子购买：模型需要重复购买。",
  "predict.error.noRepeats.fix": "请导入更长的订单历史，或给出更晚的 --calibration-end。",
  "predict.error.badHoldout": "--holdout 的值“{value}”不是一个时长。",
  "predict.error.badHoldout.fix": "请写周、月或天，例如 --holdout 13w、3m 或 90d。",
  "predict.clv.option.holdout": "替代 --calibration-end：从数据末尾留出这段时间作为检验期，例如 13w",
  "predict.column.customer": "客户",
  "predict.column.frequency": "重复购买天数",
  "predict.column.recency": "最近购买（周）",
  "predict.column.age": "客龄（周）",
  "predict.column.pAlive": "存活概率",
  "predict.column.expectedPurchases": "预期购买次数",
  "predict.column.expectedValue": "预期每次消费",
  "predict.column.clv": "终身价值",
  "predict.column.group": "学习期内的重复购买天数",
  "predict.column.customers": "客户数",
  "predict.column.actual": "每位客户实际",
  "predict.column.predicted": "每位客户预测",
  "predict.note.bgNbd": "BG/NBD 模型：r = {r}，α = {alpha}，a = {a}，b = {b}；对数似然 {ll}",
  "predict.note.gammaGamma":
    "伽马-伽马模型：p = {p}，q = {q}，v = {v}；对数似然 {ll}（{customers} 位有重复购买的客户）",
  "predict.note.noGammaGamma": "伽马-伽马模型未拟合（有正金额重复购买的客户少于两位）；消费与终身价值为空。",
  "predict.note.calibration":
    "学习期截至 {end}：{customers} 位客户，其中 {repeat} 位有重复购买。预测跨度 {weeks} 周，年折现率 {rate}。平均终身价值 {average}。",
  "predict.note.holdout":
    "检验期 {start} 至 {end}（{weeks} 周）：重复购买 {actual} 次，模型预测 {predicted} 次。",
  "predict.note.noHoldout":
    "没有检验期：学习期结束于最后一个购买日。给出更早的 --calibration-end，即可将模型与之后的实际情况比较。",
  "predict.catalog.list": "按客户列出：crm-kpi predict clv（GET /api/v1/predict/clv）",
  "metric.predicted_clv.name": "预测终身价值",
  "metric.predicted_clv.description":
    "每位客户在预测跨度内预期购买的折现价值（BG/NBD × 伽马-伽马模型）；该指标为其在客户间的平均值。",
} as const satisfies Record<keyof typeof predictEn, string>;
