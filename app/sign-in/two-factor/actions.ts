"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SCRIPTED_FIELD } from "@/lib/accounts/auth-form-state";
import type { SecondStepFormState } from "@/lib/accounts/form-state";
import { submitSecondStep } from "@/lib/accounts/two-factor";

/** The sign-in's second step; like the sign-in form, a plain post gets a redirect and a scripted form the path to load (see auth-actions.ts). */
export async function secondStepAction(_previous: SecondStepFormState, form: FormData): Promise<SecondStepFormState> {
  if (!(form instanceof FormData)) return {};
  const state = await submitSecondStep(form, await headers());
  if (state.location && !form.has(SCRIPTED_FIELD)) redirect(state.location);
  return state;
}
