// What the planner draws for each turn and each day of the "On duty" row, worked out once per
// view and kept when unchanged (see `Memo`): a drop changes one or two turns and a day or two of
// the row, so only their items are new objects and only their DOM is touched. Each item carries
// everything its element shows (label, colour, class, title, accessible label), so the screen's
// markup reads nothing else per turn and a drop re-runs no effect of an untouched turn.
import type { Conflict, DutyPolicy, Turn } from "../bindings";
import type { Span } from "./layout";
import type { Memo } from "./memo";
import { fitLabel, TURN_CHROME_PX, type DutyCell, type LabelKind } from "./readability";

/** A corner badge on a turn (see Badge.svelte). */
export type BadgeName = "override" | "swap" | "lock" | "shadow" | "note";

/** One turn as drawn. */
export interface TurnItem {
  t: Turn;
  pos: Span;
  cs: Conflict[];
  /** The member's full name (also on the element, where keyboard focus shows it whole). */
  name: string;
  label: string;
  kind: LabelKind;
  badges: BadgeName[];
  /** The quarter's daily turns: a thin tick under the per-week counts, no text. */
  tick: boolean;
  /** Narrower than a name: initials without padding, the marker under them. */
  tiny: boolean;
  cls: string;
  style: string;
  title: string;
  aria: string;
  /** The turn's slot in the shadow row beneath. */
  shadow: { has: boolean; title: string; label: string; style: string };
}

/** What every turn of one policy row shares. */
export interface RowContext {
  policy: DutyPolicy;
  /** Changes whenever the columns do (range, scale, grid width, zone): every item is remade. */
  frame: string;
  trackPx: number;
  tick: boolean;
  place: (t: Turn) => Span | null;
  nameOf: (id: number) => string;
  colourOf: (id: number) => string;
  conflictsOf: (t: Turn) => Conflict[];
  localTime: (iso: string) => string;
}

/** The items of one policy's turns, those whose inputs did not change taken from `memo`. */
export function turnItems(memo: Memo<TurnItem | null>, turns: readonly Turn[], c: RowContext): TurnItem[] {
  const out: TurnItem[] = [];
  const p = c.policy;
  for (const t of turns) {
    const cs = c.conflictsOf(t);
    const name = c.nameOf(t.member_id);
    const colour = c.colourOf(t.member_id);
    const shadowName = t.shadow_member_id === null ? "" : c.nameOf(t.shadow_member_id);
    const key = [
      c.frame, p.id, p.name, p.kind, t.member_id, t.start, t.end, t.source, t.locked, t.shadow_member_id, t.note,
      name, colour, shadowName, cs.map((x) => x.message).join("\u0001"),
    ].join("\u0002");
    const id = t.id ?? `${t.policy_id}@${t.start}`;
    const item = memo.get(id, key, () => make(t, cs, name, colour, shadowName, c));
    if (item) out.push(item);
  }
  return out;
}

function make(t: Turn, cs: Conflict[], name: string, colour: string, shadowName: string, c: RowContext): TurnItem | null {
  const pos = c.place(t);
  if (!pos) return null;
  const px = (pos.width / 100) * c.trackPx;
  // A turn narrower than a name (the end of last week's, say) drops its padding for the initials.
  const tiny = px < 40;
  // The conflict marker sits beside the name (below it on a tiny turn): leave it its room.
  const marker = cs.length === 0 || tiny ? 0 : cs.length > 1 ? 24 : 16;
  const fit = fitLabel(name, px, TURN_CHROME_PX + marker);
  const badges: BadgeName[] = [];
  if (t.source === "override") badges.push("override");
  if (t.source === "swap") badges.push("swap");
  if (t.locked) badges.push("lock");
  if (t.shadow_member_id !== null) badges.push("shadow");
  if (t.note) badges.push("note");
  const from = c.localTime(t.start), to = c.localTime(t.end);
  const extra = [
    t.source !== "generated" ? t.source : "",
    t.shadow_member_id !== null ? `shadowed by ${shadowName}` : "",
    t.note ? `note: ${t.note}` : "",
  ].filter(Boolean);
  const policy = c.policy.name;
  const cls = ["turn", c.tick ? "tick" : "", fit.kind !== "full" ? "short" : "", tiny ? "tiny" : "", t.locked ? "locked" : ""]
    .filter(Boolean)
    .join(" ");
  return {
    t, pos, cs, name, label: fit.text, kind: fit.kind, badges, tick: c.tick, tiny, cls,
    style: `left:${pos.left}%;width:${pos.width}%;--c:${colour}`,
    title: `${name} · ${policy}\nHandoffs: ${from} → ${to}${extra.map((x) => `\n${x}`).join("")}${cs.map((x) => `\n⚠ ${x.message}`).join("")}`,
    aria: `${policy}: ${name}, ${from} to ${to}${extra.map((x) => `, ${x}`).join("")}${cs.length ? `, ${cs.length} conflicts` : ""}${t.locked ? ", locked; Delete reverts to the plan" : ""}`,
    shadow: {
      has: t.shadow_member_id !== null,
      title: t.shadow_member_id !== null ? `${shadowName} shadows ${name}` : `Drop a trainee here to shadow ${name}`,
      label: t.shadow_member_id !== null ? fitLabel(shadowName, px, 8).text : "",
      style: `left:${pos.left}%;width:${pos.width}%`,
    },
  };
}

/** One day of the "On duty" row as drawn. */
export interface DutyDay {
  date: string;
  style: string;
  aria: string;
  cells: { key: number; text: string; title: string; none: boolean; style: string }[];
}

/** The "On duty" row's days, those whose people and width did not change taken from `memo`. */
export function dutyDays(
  memo: Memo<DutyDay>,
  days: readonly { date: string; cells: DutyCell[] }[],
  widths: readonly number[],
  policies: readonly DutyPolicy[],
  trackPx: number,
  nameOf: (id: number) => string,
  colourOf: (id: number) => string,
): DutyDay[] {
  return days.map((d, i) => {
    const width = widths[i] ?? 0;
    const who = d.cells.map((c) => (c.memberId === null ? "-" : `${c.memberId}:${nameOf(c.memberId)}:${colourOf(c.memberId)}`));
    const key = `${width}|${trackPx}|${policies.map((p) => `${p.id}:${p.name}`).join(",")}|${who.join(",")}`;
    return memo.get(d.date, key, () => {
      const cells = d.cells.map((c, j) => {
        const p = policies[j]!;
        if (c.memberId === null) return { key: p.id, text: "–", title: `${p.name}: nobody`, none: true, style: "" };
        const name = nameOf(c.memberId);
        const text = fitLabel(name, (width / 100) * trackPx, 8).text;
        return { key: p.id, text, title: `${p.name}: ${name}`, none: false, style: `--c:${colourOf(c.memberId)}` };
      });
      return { date: d.date, style: `width:${width}%`, aria: `${d.date}: ${cells.map((c) => c.title).join("; ")}`, cells };
    });
  });
}
