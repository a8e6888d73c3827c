// IPC calls of the Releases screen.
import { call } from "../api";
import type { FreezeSpan, ReleasePin, RoutineEvents, StoredFreeze, TrainInfo, TrainPlan } from "../bindings";

export const releasesApi = {
  trains: () => call<TrainInfo[]>("list_release_trains"),
  addTrain: (devTeamId: number, opsTeamId: number, lagWeeks: number | null, name: string | null) =>
    call<TrainInfo>("add_release_train", { devTeamId, opsTeamId, lagWeeks, name }),
  updateTrain: (trainId: number, lagWeeks: number | null, routine: RoutineEvents) =>
    call<TrainInfo>("update_release_train", { trainId, lagWeeks, routine }),
  plan: (trainId: number, preview: ReleasePin | null = null) => call<TrainPlan>("release_plan", { trainId, preview }),
  pin: (trainId: number, sprintId: number, productionDay: string) =>
    call<ReleasePin>("pin_release", { trainId, sprintId, productionDay }),
  unpin: (trainId: number, sprintId: number) => call<null>("unpin_release", { trainId, sprintId }),
  freezes: () => call<StoredFreeze[]>("list_freezes", { teamId: null }),
  addFreeze: (teamId: number, name: string, span: FreezeSpan) => call<StoredFreeze>("add_freeze", { teamId, name, span }),
  deleteFreeze: (id: number) => call<null>("delete_freeze", { id }),
};
