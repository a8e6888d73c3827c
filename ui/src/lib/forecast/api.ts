// Typed calls of the forecast IPC commands (see src-tauri/src/commands/forecast.rs).
import { call } from "../api";
import type { BacklogForecast, SprintForecast, TeamBacktest, WhatIf } from "../bindings";

export const forecastApi = {
  /** Capacity, history and forecast of `sprintId` (null = the running or next sprint). */
  sprint: (teamId: number, sprintId: number | null, whatIfs: WhatIf[]) =>
    call<SprintForecast>("forecast_sprint", { teamId, sprintId, whatIfs }),
  backlog: (teamId: number, sprintId: number | null, whatIfs: WhatIf[], backlogPoints: number) =>
    call<BacklogForecast>("forecast_backlog", { teamId, sprintId, whatIfs, backlogPoints }),
  backtest: (teamId: number) => call<TeamBacktest>("forecast_backtest", { teamId }),
};
