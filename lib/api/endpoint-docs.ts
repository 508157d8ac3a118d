import type { z } from "zod";

// What a route file says about an endpoint for the API reference (lib/api/openapi.ts), beside
// the schemas its input is checked with: the document is made from the route specs themselves,
// so an endpoint that exists is documented from its own code.

/** How an endpoint answers one status. */
export type ResponseDoc =
  /** A JSON body of this schema. */
  | z.ZodType
  /** No body. */
  | null
  /** An error body ({ error }); the sentence says when. */
  | string
  | {
      description?: string;
      json?: z.ZodType;
      /** Bodies of other media types (a CSV download, a progress stream). */
      content?: Record<string, z.ZodType>;
      /** Response headers it always carries, each with what it says. */
      headers?: Record<string, string>;
    };

export interface EndpointDocs {
  /** The operation's name in the reference: a verb and what it acts on ("List tasks"). */
  summary: string;
  /** More, in Markdown. */
  description?: string;
  /**
   * Its successes and the errors particular to it (409, a 422 of a rule...). The errors every
   * endpoint of its kind can give (401, 403, 404, 422 of its schemas, 429...) are added by
   * lib/api/openapi.ts.
   */
  responses: Partial<Record<number, ResponseDoc>>;
  /** A body the handler reads itself (no `body` schema), per media type. */
  requestBody?: Record<string, z.ZodType>;
}
