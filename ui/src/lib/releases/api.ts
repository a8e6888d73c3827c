// IPC calls of the Releases screen.
import { call } from "../api";
import type { FreezeSpan, ReleasePin, StoredFreeze, TrainInfo, TrainPlan } from "../bindings";

export const releasesApi = {
  trains: () => call<TrainInfo[]>("list_release_trains"),
  addTrain: (devTeamId: number, opsTeamId: number, lagWeeks: number | null, name: string | null) =>
    call<TrainInfo>("add_release_train", { devTeamId, opsTeamId, lagWeeks, name }),
  plan: (trainId: number, preview: ReleasePin | null = null) => call<TrainPlan>("release_plan", { trainId, preview }),
  pin: (trainId: number, sprintId: number, productionDay: string) =>
    call<ReleasePin>("pin_release", { trainId, sprintId, productionDay }),
  unpin: (trainId: number, sprintId: number) => call<null>("unpin_release", { trainId, sprintId }),
  addFreeze: (teamId: number, name: string, span: FreezeSpan) => call<StoredFreeze>("add_freeze", { teamId, name, span }),
};
