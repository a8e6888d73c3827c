// Typed calls of the forecast IPC commands (see src-tauri/src/commands/forecast.rs).
import { call } from "../api";
import type { BacklogForecast, SprintForecast, TeamBacktest, WhatIf } from "../bindings";

export const forecastApi = {
  /** Capacity, history and forecast of `sprintId` (null = the running or next sprint). */
  /** `recoveryMinutes`: context-switch recovery per interrupt (default 23). */
  sprint: (teamId: number, sprintId: number | null, whatIfs: WhatIf[], recoveryMinutes = 23) =>
    call<SprintForecast>("forecast_sprint", { teamId, sprintId, whatIfs, recoveryMinutes }),
  backlog: (teamId: number, sprintId: number | null, whatIfs: WhatIf[], backlogPoints: number, recoveryMinutes = 23) =>
    call<BacklogForecast>("forecast_backlog", { teamId, sprintId, whatIfs, backlogPoints, recoveryMinutes }),
  backtest: (teamId: number, recoveryMinutes = 23) => call<TeamBacktest>("forecast_backtest", { teamId, recoveryMinutes }),
};
