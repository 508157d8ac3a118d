import { z } from "zod";
import { WRONG_PASSWORD_MESSAGE } from "../accounts/auth-errors";
import { PASSWORD_MAX } from "../accounts/limits";
import { instantSchema, nameSchema, says } from "../field-schemas";
import { idSchema } from "../ids";
import { TOKEN_LIFETIME_DAYS_MAX, TOKEN_LISTS_MAX, TOKEN_NAME_MAX } from "./constants";
import { LIST_LIMITABLE_SCOPES, SCOPES } from "./scopes";

// What a client may send to the token API. Strict: any other field is refused by name.

const scopeList = z
  .array(z.enum(SCOPES, { error: `Each scope must be one of ${SCOPES.join(", ")}.` }), says("scopes", "scopes must be a list of scope names."))
  .min(1, "Choose at least one scope.")
  .max(SCOPES.length, `scopes must name each scope at most once.`)
  .refine((scopes) => new Set(scopes).size === scopes.length, "scopes must name each scope at most once.");

const lifetimeMessage = `expiresInDays must be a whole number of days from 1 to ${TOKEN_LIFETIME_DAYS_MAX}, or null for a token that never expires.`;

export const createTokenSchema = z.strictObject({
  name: nameSchema(TOKEN_NAME_MAX),
  /** The account's password: a token outlives the session, so making one needs more than a stolen JWT. */
  password: z.string(says("password", "password must be text.")).min(1, "Enter your password to make a token.").max(PASSWORD_MAX, WRONG_PASSWORD_MESSAGE),
  scopes: scopeList,
  /** Null: never expires. Not sent: 30 days, as a safe default. */
  expiresInDays: z
    .union([z.number().int().min(1).max(TOKEN_LIFETIME_DAYS_MAX), z.null()], { error: lifetimeMessage })
    .default(30),
  /** The lists it is limited to; none: all of them. */
  listIds: z
    .array(idSchema, says("listIds", "listIds must be a list of list ids."))
    .max(TOKEN_LISTS_MAX, `A token can be limited to at most ${TOKEN_LISTS_MAX} lists.`)
    .refine((ids) => new Set(ids).size === ids.length, "listIds must not repeat a list.")
    .default([]),
}).check((context) => {
  const { listIds, scopes } = context.value;
  const crossing = listIds.length > 0 ? scopes.filter((scope) => !LIST_LIMITABLE_SCOPES.includes(scope)) : [];
  if (crossing.length > 0) {
    context.issues.push({ code: "custom", path: ["scopes"], input: scopes, message: `A token limited to some lists may only have ${LIST_LIMITABLE_SCOPES.join(", ")}; not ${crossing.join(", ")}.` });
  }
});

/** The exchange may ask for fewer scopes than the token has (least privilege for one job). */
export const exchangeSchema = z.strictObject({ scopes: scopeList.optional() });

export type TokenInput = z.output<typeof createTokenSchema>;
export type ExchangeInput = z.output<typeof exchangeSchema>;

// What the token API answers (lib/tokens/service.ts AccessToken is its output; lib/api/openapi.ts documents it).
export const accessTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    shown: z.string().meta({ description: "The secret's first characters, to tell tokens apart." }),
    scopes: z.array(z.enum(SCOPES)),
    listIds: z.array(idSchema).meta({ description: "The lists it is limited to; empty: all of them." }),
    expiresAt: instantSchema.nullable().meta({ description: "Null: never expires." }),
    lastUsedAt: instantSchema.nullable().meta({ description: "Its last exchange; null: never used." }),
    createdAt: instantSchema,
  })
  .meta({ id: "AccessToken" });

export const accessTokensSchema = z.object({ tokens: z.array(accessTokenSchema) }).meta({ id: "AccessTokens" });

export const createdTokenSchema = z
  .object({ token: accessTokenSchema, secret: z.string().meta({ description: "The token itself: shown this once, never again." }) })
  .meta({ id: "CreatedAccessToken" });

export const exchangedTokenSchema = z
  .object({
    accessToken: z.string().meta({ description: "A JWT: send it as `Authorization: Bearer <accessToken>`." }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.int().meta({ description: "Seconds until it expires." }),
    scope: z.string().meta({ description: "Its scopes, space-separated." }),
  })
  .meta({ id: "ExchangedToken" });
