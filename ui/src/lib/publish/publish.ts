// What the Publish dialog writes: pure helpers over the backend's PublishReport/PublishStatus (the
// backend decides what changes and whom it affects; this only words the buttons and rows).
import type { ActionKind, CalendarTarget, ChatFormat, ChatStatus, ChatTarget, ExportWhat, PublishChange, PublishReport } from "../bindings";

/** How many writes the team calendar gets. */
export function changeCount(r: PublishReport): number {
  return r.created + r.updated + r.deleted;
}

/** The publish button's label: "Publish 5 changes", "Publish 1 change", "Nothing to publish". */
export function publishLabel(r: PublishReport | null): string {
  if (!r) return "Publish";
  const n = changeCount(r);
  if (n === 0) return "Nothing to publish";
  return `Publish ${n} change${n === 1 ? "" : "s"}`;
}

const KIND: Record<ActionKind, string> = { create: "New", update: "Changed", delete: "Removed" };

/** "New", "Changed", "Removed". */
export function kindLabel(k: ActionKind): string {
  return KIND[k];
}

/** A change's day as "Tue 8 Dec" (the day is a local date, YYYY-MM-DD). */
export function dayLabel(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })
    .format(date)
    .replace(",", "");
}

/** What a change does to its event: "Batman: Ana Souza → Batman: Ben Okafor", or its title. */
export function changeText(c: PublishChange): string {
  return c.before && c.before !== c.summary ? `${c.before} → ${c.summary}` : c.summary;
}

/** "https://dav.example.com/ana/phoenix/ as ana (password from $VAR)", or "(password in the OS keyring)". */
export function targetLine(t: CalendarTarget): string {
  const password = t.password_source === "keyring" ? "password in the OS keyring" : `password from $${t.password_env}`;
  return `${t.collection_url} as ${t.user} (${password})`;
}

/** What is published, in words: "turns", "turns and sprints", "turns, sprints and releases". */
export function whatLine(what: ExportWhat[]): string {
  const names = what.map((w) => (w === "time_off" ? "time off" : w));
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The chat formats a webhook takes, as the set-up form offers them. */
export const CHAT_FORMATS: { value: ChatFormat; label: string }[] = [
  { value: "slack", label: "Slack-compatible (Slack, Mattermost, Rocket.Chat, Discord /slack)" },
  { value: "teams", label: "Microsoft Teams Workflows (Adaptive Card)" },
];

/** Where the webhook URL is kept, in words: "in $VAR" or "kept in the OS keyring" (never the URL). */
function urlPlace(t: ChatTarget): string {
  return t.webhook_source === "keyring" ? "kept in the OS keyring" : `in $${t.webhook_env}`;
}

/** "Posts the stand-up message as Slack-compatible JSON to the webhook in $VAR" (or "… kept in
 *  the OS keyring"). */
export function chatLine(t: ChatTarget): string {
  const format = t.format === "teams" ? "a Microsoft Teams Adaptive Card" : "Slack-compatible JSON";
  return `Posts the stand-up message as ${format} to the webhook ${urlPlace(t)}`;
}

/** The notice after saving: "Phoenix posts its stand-up message to the webhook kept in the OS keyring." */
export function savedLine(team: string, t: ChatTarget): string {
  return `${team} posts its stand-up message to the webhook ${urlPlace(t)}.`;
}

/** "2 changes wait to be posted to the chat", or null when none does. */
export function waitingLine(waiting: string[]): string | null {
  const n = waiting.length;
  if (n === 0) return null;
  return n === 1 ? "1 change waits to be posted to the chat" : `${n} changes wait to be posted to the chat`;
}

/** Whether a publish that ended with `r` posts the stand-up message: when the team has a chat, the
 *  box is ticked, and the calendar changed or earlier changes still wait for the chat. */
export function postsAfterPublish(r: PublishReport, chat: ChatStatus | null, ticked: boolean): boolean {
  if (!chat?.target || !ticked) return false;
  return changeCount(r) > r.conflicts.length || chat.waiting.length > 0;
}
