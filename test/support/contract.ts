import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as openApiRoute from "@/app/api/openapi.json/route";
import { openApiPath } from "@/lib/api/openapi";
import type { EndpointInfo } from "@/lib/api/route";
import { callRoute } from "./http";

// The API's contract, held against real responses: every response that test/support/api.ts's
// callApi() gets back is checked against the OpenAPI document that GET /api/openapi.json serves
// (its status must be documented for the operation, its documented headers present, its media
// type documented, and a JSON body must match the schema, with Ajv's JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). OPTIONS must answer 204 and a method a route does not serve 405, both
// with Allow, as the document's description says.

type Json = Record<string, unknown>;
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, { required?: boolean }>;
}

const DOCUMENT_ID = "https://tasks.invalid/openapi.json";

async function load() {
  const response = await callRoute(openApiRoute.GET, new Request("http://localhost:3000/api/openapi.json"));
  const document = (await response.json()) as Json & { paths: Record<string, Record<string, { responses: Record<string, ResponseObject | { $ref: string }> }>>; components: { responses: Record<string, ResponseObject> } };
  // Not strict: the document holds OpenAPI's own keywords around its schemas.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  return { document, ajv };
}
// Loaded with the module, before any test: a test that counts log lines sees no request of ours.
const { document, ajv } = await load();

/** A JSON pointer into the document, as a URI fragment. */
const pointer = (...segments: string[]) => `#/${segments.map((segment) => encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/")}`;

const validators = new Map<string, ValidateFunction>();
function validatorFor(fragment: string): ValidateFunction {
  let validate = validators.get(fragment);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${fragment}` });
    validators.set(fragment, validate);
  }
  return validate;
}

/** The documented response for a status, and where it lives in the document; undefined when the status is not documented. */
function documentedResponse(info: EndpointInfo, status: number) {
  const path = openApiPath(info.route);
  const method = info.method.toLowerCase();
  const documented = document.paths[path]?.[method]?.responses[String(status)];
  if (!documented) return undefined;
  if ("$ref" in documented) {
    const name = documented.$ref.split("/").pop()!;
    return { response: document.components.responses[name], at: ["components", "responses", name] };
  }
  return { response: documented, at: ["paths", path, method, "responses", String(status)] };
}

const fail = (info: EndpointInfo, status: number, problem: string, body: string) => {
  throw new Error(`${info.method} ${info.route} answered ${status}: ${problem} (test/support/contract.ts)\n${body.slice(0, 2000)}`);
};

/** Throws unless `response` is one the document says this endpoint can give. */
export async function checkResponse(info: EndpointInfo, response: Response): Promise<void> {
  const type = response.headers.get("content-type")?.split(";")[0].trim() ?? null;
  // Only JSON is read here: a download or a progress stream stays the test's to read, as it comes.
  const body = type === "application/json" ? await response.clone().text() : "";
  // What the document's description says of every path.
  if (!info.served) {
    if (response.status !== 405 || !response.headers.get("allow")) fail(info, response.status, "a method the route does not serve must answer 405 with Allow", body);
    return;
  }
  if (info.method === "OPTIONS") {
    if (response.status !== 204 || !response.headers.get("allow")) fail(info, response.status, "OPTIONS must answer 204 with Allow", body);
    return;
  }
  const found = documentedResponse(info, response.status);
  if (!found) return fail(info, response.status, "this status is not in the OpenAPI document for the operation", body);
  for (const [name, header] of Object.entries(found.response.headers ?? {})) {
    if (header.required && !response.headers.has(name)) fail(info, response.status, `the documented header ${name} is missing`, body);
  }
  const content = found.response.content;
  if (!content) {
    if (response.body !== null && (await response.clone().text()) !== "") fail(info, response.status, "documented without a body, but it has one", body);
    return;
  }
  if (type === null || !(type in content)) return fail(info, response.status, `its Content-Type ${type} is not documented (${Object.keys(content).join(", ")})`, body);
  if (type !== "application/json") return;
  const validate = validatorFor(pointer(...found.at, "content", type, "schema"));
  if (!validate(JSON.parse(body))) fail(info, response.status, `the body does not match the schema: ${ajv.errorsText(validate.errors, { separator: "; " })}`, body);
}
