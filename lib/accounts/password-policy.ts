import fs from "node:fs";
import path from "node:path";
import { APIError } from "better-auth/api";

// NIST SP 800-63B-4: a new password is also compared with a list of commonly used passwords and
// with words of its context (the account's email and name), and refused with the reason. The
// list is a data file, read once; next.config.ts ships it with the /api/auth function.

const COMMON_PASSWORDS_FILE = path.join(process.cwd(), "lib", "accounts", "common-passwords.txt");

export const PASSWORD_TOO_COMMON = {
  code: "PASSWORD_TOO_COMMON",
  message: "This password is one of the most common ones, which attackers try first: choose another.",
};
export const PASSWORD_IS_ACCOUNT_NAME = {
  code: "PASSWORD_IS_ACCOUNT_NAME",
  message: "The password must not be your email address or your name: choose another.",
};

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    fs
      .readFileSync(COMMON_PASSWORDS_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return commonPasswords.has(password.trim().toLowerCase());
}

/** Throws 400 naming the problem when a new password is a common one, or the account's email, its local part or name. */
export function refuseWeakPassword(password: string, account: { email?: unknown; name?: unknown } = {}): void {
  const email = typeof account.email === "string" ? account.email : "";
  const own = [email, email.split("@")[0], typeof account.name === "string" ? account.name : ""].map((word) => word.trim().toLowerCase()).filter(Boolean);
  if (own.includes(password.trim().toLowerCase())) throw new APIError("BAD_REQUEST", PASSWORD_IS_ACCOUNT_NAME);
  if (isCommon(password)) throw new APIError("BAD_REQUEST", PASSWORD_TOO_COMMON);
}
