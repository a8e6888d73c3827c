// The save dialog of the Calendar screen (its IPC calls are `commands` of ../ipc).
import { save } from "@tauri-apps/plugin-dialog";

/** Asks where to save; null when cancelled. */
export const askSavePath = (defaultPath: string) =>
  save({ defaultPath, filters: [{ name: "Calendar", extensions: ["ics"] }] });

