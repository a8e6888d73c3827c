// IPC calls of the Calendar screen, and the file dialogs.
import { open, save } from "@tauri-apps/plugin-dialog";
import { call } from "../api";
import type { DutyPolicy, ExportPreview, ExportRequest, ImportPreview, ImportRequest } from "../bindings";

export const calendarApi = {
  policies: (teamId: number) => call<DutyPolicy[]>("list_policies", { teamId }),
  preview: (request: ExportRequest) => call<ExportPreview>("export_preview", { request }),
  save: (request: ExportRequest, path: string) => call<ExportPreview>("save_export", { request, path }),
  importFile: (path: string, request: ImportRequest, apply: boolean) =>
    call<ImportPreview>("import_calendar", { path, request, apply }),
  /** Asks where to save; null when cancelled. */
  askSavePath: (defaultPath: string) =>
    save({ defaultPath, filters: [{ name: "Calendar", extensions: ["ics"] }] }),
  /** Asks which .ics file to import; null when cancelled. */
  askOpenPath: async () => {
    const picked = await open({ multiple: false, directory: false, filters: [{ name: "Calendar", extensions: ["ics"] }] });
    return typeof picked === "string" ? picked : null;
  },
};
