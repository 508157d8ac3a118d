import { z } from "zod";
import { WRONG_PASSWORD_MESSAGE } from "../accounts/auth-errors";
import { PASSWORD_MAX } from "../accounts/limits";
import { nameSchema, says } from "../field-schemas";
import { TOKEN_LIFETIME_DAYS_MAX, TOKEN_NAME_MAX } from "./constants";
import { SCOPES } from "./scopes";

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
});

/** The exchange may ask for fewer scopes than the token has (least privilege for one job). */
export const exchangeSchema = z.strictObject({ scopes: scopeList.optional() });

export type TokenInput = z.output<typeof createTokenSchema>;
export type ExchangeInput = z.output<typeof exchangeSchema>;
