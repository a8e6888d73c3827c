// The screens of the app, in navigation order. Later features add their entry here.
export type Screen = "teams" | "sprints" | "rotation" | "interrupts" | "forecast" | "insights" | "releases" | "calendar";

export interface NavItem {
  id: Screen;
  label: string;
  hint: string;
}

export const NAV: NavItem[] = [
  { id: "teams", label: "Team", hint: "Members, time off and holidays" },
  { id: "sprints", label: "Sprints", hint: "Plan, run and close sprints" },
  { id: "rotation", label: "Rotation", hint: "Who shields the team: plan, drag to edit, check fairness" },
  { id: "interrupts", label: "Interrupts", hint: "Log and review unplanned work" },
  { id: "forecast", label: "Forecast", hint: "Capacity and what the team can commit to" },
  { id: "insights", label: "Insights", hint: "What the interrupt log says, and which shield fits the team" },
  { id: "releases", label: "Releases", hint: "When ops ships each sprint: release trains, freezes, warnings" },
  { id: "calendar", label: "Calendar", hint: "Export turns, sprints and releases; import time off" },
];

/** Today's date "YYYY-MM-DD" in IANA `zone` (built from parts: locales differ in separators). */
export function todayIn(zone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
