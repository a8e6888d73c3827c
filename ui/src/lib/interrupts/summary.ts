// Figures shown above the interrupt list: how much unplanned work arrived and what it cost.
import type { Interrupt, InterruptCategory } from "../bindings";

export interface InterruptSummary {
  count: number;
  minutes: number;
  offFocusShare: number; // 0..1 of interrupts that pulled someone off focus work
  couldHaveWaitedShare: number;
  byCategory: { category: InterruptCategory; count: number; minutes: number }[];
}

export function summarize(list: readonly Interrupt[]): InterruptSummary {
  const byCat = new Map<InterruptCategory, { count: number; minutes: number }>();
  let minutes = 0, off = 0, wait = 0;
  for (const i of list) {
    minutes += i.minutes;
    if (i.pulled_off_focus) off++;
    if (i.could_have_waited) wait++;
    const c = byCat.get(i.category) ?? { count: 0, minutes: 0 };
    c.count++; c.minutes += i.minutes;
    byCat.set(i.category, c);
  }
  const n = list.length;
  return {
    count: n,
    minutes,
    offFocusShare: n ? off / n : 0,
    couldHaveWaitedShare: n ? wait / n : 0,
    byCategory: [...byCat.entries()].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.minutes - a.minutes),
  };
}

/** "3 h 25 min" */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60), m = total % 60;
  return h ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min`;
}
