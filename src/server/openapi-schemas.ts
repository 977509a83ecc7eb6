import { z } from "@hono/zod-openapi";

/** The error body of every failure (http-errors.ts builds it). */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fix: z.string().optional(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };

/** The 200 answer with `schema`, and the error answers every route can give. */
export function jsonResponses<S extends z.ZodType>(schema: S, description: string) {
  return {
    200: { content: { "application/json": { schema } }, description },
    400: { content: errorContent, description: "Invalid request" },
    403: { content: errorContent, description: "Refused (role, host or origin)" },
    404: { content: errorContent, description: "Not found" },
    422: { content: errorContent, description: "Valid request the data cannot answer" },
    500: { content: errorContent, description: "Server failure" },
  } as const;
}

/** A JSON request body. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { "application/json": { schema } }, required: true } as const;
}

/** One metric value, as the report and explain give it. */
export const MetricValueSchema = z
  .object({
    metric: z.string(),
    period: z.string(),
    segment: z.record(z.string(), z.string().nullable()).nullable(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    partial: z.literal(true).optional().openapi({
      description: "Present when the period ends after the data's last day: the value is not final",
    }),
  })
  .openapi("MetricValue");

/** `k=v` strings, one or repeated (`param=a=1&param=b=2`). */
export const RepeatedPairs = z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]).optional();
