// The planner's view as the screen holds it: one object for as long as the screen is open, with
// each part of the view (days, policies, people, turns, conflicts, fairness, Today cards) its own
// piece of state. A view read again (after a drop, an undo, a reload) replaces only the parts
// that changed, and within them keeps the objects that stayed equal (see `keepEqual`), so what
// reads only the days or the people does not run again after a drop, and the drawer's Today
// cards, conflicts and hand edits are redrawn only when they changed.
import type { DateSpan, DutyPolicy, FairnessReport, Member, RotationView, ShownConflict, TodayCard, Turn, ViewDay } from "../bindings";
import { keepEqual } from "./memo";

export class LiveView implements RotationView {
  range: DateSpan;
  days: ViewDay[];
  zone: string;
  policies: DutyPolicy[];
  members: Member[];
  turns: Turn[];
  conflicts: ShownConflict[];
  fairness: FairnessReport;
  today: TodayCard[];

  constructor(v: RotationView) {
    this.range = $state.raw(v.range);
    this.days = $state.raw(v.days);
    this.zone = $state.raw(v.zone);
    this.policies = $state.raw(v.policies);
    this.members = $state.raw(v.members);
    this.turns = $state.raw(v.turns);
    this.conflicts = $state.raw(v.conflicts);
    this.fairness = $state.raw(v.fairness);
    this.today = $state.raw(v.today);
  }

  /** Takes the view `next`: a part equal to the one shown keeps its object (and nothing that
   *  reads it runs again); a changed part keeps the objects inside it that stayed equal. */
  update(next: RotationView): void {
    this.range = keepEqual(this.range, next.range);
    this.days = keepEqual(this.days, next.days);
    this.zone = next.zone;
    this.policies = keepEqual(this.policies, next.policies);
    this.members = keepEqual(this.members, next.members);
    this.turns = keepEqual(this.turns, next.turns);
    this.conflicts = keepEqual(this.conflicts, next.conflicts);
    this.fairness = keepEqual(this.fairness, next.fairness);
    this.today = keepEqual(this.today, next.today);
  }
}
