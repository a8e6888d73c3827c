// The one place that reaches Tauri's invoke. The typed wrapper of every command is generated into
// ./ipc.ts (`commands`); use those, never `call` with a command name. Every call either resolves with
// the Rust type or rejects with an AppError { kind, message, field } (never a bare string).
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings";

/** Normalises whatever a failed invoke threw into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    const o = e as { kind: AppError["kind"]; message: string; field?: string | null };
    return { kind: o.kind, message: o.message, field: o.field ?? null };
  }
  return { kind: "storage", message: e instanceof Error ? e.message : String(e), field: null };
}

/** Invokes `cmd`; a failure rejects with an AppError. Only ./ipc.ts (generated) calls this. */
export async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}
