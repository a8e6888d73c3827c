// The duty policy editor's form: what the scrum master types, turned into a NewPolicy; a stored
// policy turned back into fields; and the debounced check that asks the backend as they type.
// The rules (names, ranges, who may be in the pool, escalation targets, kind defaults) live in
// Rust: an empty field here means "the kind's default", and every verdict comes back from the
// backend as an AppError under the field it names.
import type { AppError, DutyPolicy, NewPolicy, PolicyKind, Team } from "../bindings";
import { errorsFrom, parseOptionalInt, type FieldErrors } from "../forms/form";

export interface PolicyFields {
  name: string;
  kind: PolicyKind;
  /** "MON".."SUN" (weekly policies only). */
  weekday: string;
  /** "HH:MM", or "" for the kind's default. */
  time: string;
  /** Chosen member ids; none = everyone in the team who takes duty. */
  pool: number[];
  /** Percent, as typed; "" for the kind's default. */
  focus: string;
  /** One line per item (blank lines are dropped). */
  checklist: string[];
  /** Whether the checklist is sent as it stands; a new policy with no lines gets the kind's list. */
  ownChecklist: boolean;
  escalatesTo: number | null;
  /** Turns, as typed; "" for the default. */
  minGap: string;
  standingMember: number | null;
  standIn: number | null;
}

/** Every field a backend error may name, so it lands under that field (the rest go to the form). */
export const POLICY_FIELDS = [
  "name", "kind", "handoff", "pool", "focus_share_percent", "checklist", "escalates_to",
  "min_gap_turns", "standing_member_id", "stand_in_id",
] as const;

export const KINDS: { value: PolicyKind; label: string; hint: string }[] = [
  { value: "daily", label: "Daily (Batman)", hint: "one person per working day" },
  { value: "weekly", label: "Weekly (Op of the Week)", hint: "one person per week, handoff on a weekday" },
  { value: "sprint", label: "Per sprint", hint: "one developer out for chores each sprint" },
  { value: "standing", label: "Standing", hint: "a fixed person, with a stand-in while away" },
];

export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;

/** A new policy's fields, of `kind` (Insights' "Adopt" opens the editor on the winning kind). */
export function emptyPolicy(kind: PolicyKind = "daily"): PolicyFields {
  return {
    name: "", kind, weekday: "MON", time: "", pool: [], focus: "", checklist: [], ownChecklist: false,
    escalatesTo: null, minGap: "", standingMember: null, standIn: null,
  };
}

/** The fields of a stored policy (for editing it): everything explicit, as stored. */
export function fieldsOf(p: DutyPolicy): PolicyFields {
  return {
    name: p.name,
    kind: p.kind,
    weekday: p.handoff.weekday.slice(0, 3).toUpperCase(),
    time: p.handoff.time.slice(0, 5),
    pool: [...p.pool],
    focus: String(p.focus_share_percent),
    checklist: [...p.checklist],
    ownChecklist: true,
    escalatesTo: p.escalates_to,
    minGap: String(p.min_gap_turns),
    standingMember: p.standing?.member_id ?? null,
    standIn: p.standing?.stand_in_id ?? null,
  };
}

/** Whether the kind hands over at a weekday and time, a time only, or not at all. */
export function handoffShape(kind: PolicyKind): "weekday-time" | "time" | "none" {
  return kind === "weekly" ? "weekday-time" : kind === "standing" ? "none" : "time";
}

/** The NewPolicy to send, or the inline errors that keep it from being sent (a number that is
 *  not a number). Everything else is the backend's to judge. `keep` carries what the form does
 *  not show (trainees, load weights) through an edit unchanged. */
export function policyInput(
  f: PolicyFields,
  keep?: Pick<DutyPolicy, "shadow_pool" | "weights">,
): { input: NewPolicy | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const focus = parseOptionalInt(f.focus);
  if (Number.isNaN(focus)) errors.focus_share_percent = "The focus share is a whole number of percent, e.g. 20.";
  const gap = parseOptionalInt(f.minGap);
  if (Number.isNaN(gap)) errors.min_gap_turns = "The minimum gap is a whole number of turns, e.g. 1.";
  const shape = handoffShape(f.kind);
  const time = f.time.trim();
  if (shape === "weekday-time" && time === "" && f.weekday !== "MON") {
    errors.handoff = "Enter the handoff time too, e.g. 12:00.";
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: NewPolicy = { name: f.name.trim(), kind: f.kind, pool: [...f.pool].sort((a, b) => a - b), shadow_pool: keep?.shadow_pool ?? [] };
  if (shape !== "none" && time !== "") input.handoff = shape === "weekday-time" ? `${f.weekday} ${time}` : time;
  if (focus !== null) input.focus_share_percent = focus;
  const lines = f.checklist.map((l) => l.trim()).filter((l) => l !== "");
  if (f.ownChecklist || lines.length > 0) input.checklist = lines;
  if (f.escalatesTo !== null) input.escalates_to = f.escalatesTo;
  if (gap !== null) input.min_gap_turns = gap;
  if (keep) input.weights = keep.weights;
  if (f.kind === "standing") {
    if (f.standingMember !== null) input.standing_member_id = f.standingMember;
    if (f.standIn !== null) input.stand_in_id = f.standIn;
  }
  return { input, errors: {} };
}

/** Adds or removes `id` from the pool. */
export function togglePool(pool: number[], id: number, on: boolean): number[] {
  const rest = pool.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}

/** A policy any team's policy may escalate to, labelled "Team / Policy". */
export interface EscalationOption {
  id: number;
  label: string;
}

/** The escalation choices: every policy of every team but `selfId` itself, own team first. */
export function escalationOptions(teams: Team[], policies: DutyPolicy[], ownTeamId: number, selfId: number | null): EscalationOption[] {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return policies
    .filter((p) => p.id !== selfId)
    .sort((a, b) => Number(b.team_id === ownTeamId) - Number(a.team_id === ownTeamId) || (teamName.get(a.team_id) ?? "").localeCompare(teamName.get(b.team_id) ?? "") || a.id - b.id)
    .map((p) => ({ id: p.id, label: `${teamName.get(p.team_id) ?? `Team ${p.team_id}`} / ${p.name}` }));
}

/** Where the backend's verdict on the form goes: under its field, or at the form. */
export function verdictErrors(e: AppError): FieldErrors {
  return errorsFrom(e, POLICY_FIELDS);
}

/** The state of the check while typing. */
export interface Check {
  /** A check is scheduled or running for the latest input. */
  pending: boolean;
  errors: FieldErrors;
  /** What saving an edit would do ("Saving re-plans 9 future turns (Ana, Omar)…"); null for a new policy. */
  sentence: string | null;
}

export const unchecked: Check = { pending: true, errors: {}, sentence: null };

/** Saving is allowed once the latest input was checked and nothing is wrong with it. */
export function canSave(c: Check, saving: boolean): boolean {
  return !saving && !c.pending && Object.keys(c.errors).length === 0;
}

/** Runs `check` on the latest input `delay` ms after typing stops; an answer to an older input
 *  is dropped, so a slow reply never overwrites a newer one. `done` receives each answer kept. */
export function debouncedCheck<I>(
  check: (input: I) => Promise<string | null>,
  done: (c: Check) => void,
  delay = 250,
): { schedule: (input: I | null, localErrors: FieldErrors) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    generation++;
  };
  return {
    cancel,
    schedule(input, localErrors) {
      cancel();
      const mine = generation;
      if (input === null) {
        done({ pending: false, errors: localErrors, sentence: null });
        return;
      }
      done({ pending: true, errors: {}, sentence: null });
      timer = setTimeout(async () => {
        timer = null;
        try {
          const sentence = await check(input);
          if (mine === generation) done({ pending: false, errors: {}, sentence });
        } catch (e) {
          if (mine === generation) done({ pending: false, errors: verdictErrors(e as AppError), sentence: null });
        }
      }, delay);
    },
  };
}

/** The undo history's label for a change made in the policy editor ("Edit policy Batman"). */
export function undoLabel(action: "add" | "edit" | "remove", name: string): string {
  const verb = { add: "Add", edit: "Edit", remove: "Remove" }[action];
  return `${verb} policy ${name}`;
}
