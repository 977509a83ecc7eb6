/** Reads of the JSON API that specs compare the dashboard with. */
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures.js";

export async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

export interface DatasetInfo {
  counts: Record<string, number>;
  version: string | number;
}

/** The row count of every entity: equal before and after means nothing changed. */
export async function datasetCounts(request: APIRequestContext): Promise<Record<string, number>> {
  return (await getJson<DatasetInfo>(request, "/api/v1/dataset")).counts;
}
