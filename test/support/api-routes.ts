import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { EndpointInfo } from "@/lib/api/route";

export type RouteHandler = ((request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>) & {
  [key: symbol]: EndpointInfo | undefined;
};

export interface ApiRoute {
  file: string;
  /** As in app/: /api/tasks/[id] */
  pattern: string;
  exports: Record<string, RouteHandler>;
}

/** Every route module under app/api, imported as Next.js would. */
export async function loadApiRoutes(): Promise<ApiRoute[]> {
  return Promise.all(
    fs
      .globSync("app/api/**/route.ts")
      .sort()
      .map(async (file) => ({
        file,
        pattern: `/${path.dirname(file).replace(/^app\//, "")}`,
        exports: (await import(path.resolve(file))) as Record<string, RouteHandler>,
      })),
  );
}

/** A URL path for `pattern` and its params, with `value(name)` for each dynamic segment (a fresh UUID by default). */
export function fillPattern(pattern: string, value: (name: string) => string = () => crypto.randomUUID()): { url: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const url = pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_, rest: string | undefined, name: string) => {
    const segment = value(name);
    params[name] = rest ? segment.split("/") : segment;
    return segment
      .split("/")
      .map((part) => encodeURIComponent(part.toWellFormed()))
      .join("/");
  });
  return { url, params };
}
