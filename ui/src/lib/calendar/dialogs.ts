// The file dialogs of the Calendar screen (its IPC calls are `commands` of ../ipc).
import { open, save } from "@tauri-apps/plugin-dialog";

/** Asks where to save; null when cancelled. */
export const askSavePath = (defaultPath: string) =>
  save({ defaultPath, filters: [{ name: "Calendar", extensions: ["ics"] }] });

/** Asks which .ics file to import; null when cancelled. */
export async function askOpenPath(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: [{ name: "Calendar", extensions: ["ics"] }] });
  return typeof picked === "string" ? picked : null;
}
