// Form state shared by every form: field values as typed, inline errors by field, and the mapping
// of an AppError from the backend onto the field it names. The rules themselves live in Rust.
import type { AppError } from "../bindings";

export type FieldErrors = Record<string, string>;

export interface FormResult<T> {
  /** The input to send, when the form is complete enough to send. */
  input: T | null;
  /** Inline errors found before sending (missing or unparseable fields). */
  errors: FieldErrors;
}

/** Places a backend error under its field, or under "_form" when it names none. */
export function errorsFrom(e: AppError, known: readonly string[]): FieldErrors {
  const field = e.field && known.includes(e.field) ? e.field : "_form";
  return { [field]: e.message };
}

/** Parses an optional whole number; "" gives null, junk gives NaN (reported by the caller). */
export function parseOptionalInt(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Parses an optional decimal number such as "21.5"; "" gives null, junk gives NaN. */
export function parseOptionalNumber(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Splits "db, Frontend ,ops" into tags. */
export function parseTags(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Requires a non-blank value; returns an error sentence or null. */
export function required(value: string, what: string): string | null {
  return value.trim() === "" ? `Enter ${what}.` : null;
}
