// "Copy for stand-up": fetch the team's stand-up message (Markdown, composed by the backend, the
// same text the chat post is made from) and put it on the clipboard. WebKit lets a page write the
// clipboard only inside the click, and the message arrives later (over IPC): so the write is
// started in the click with a ClipboardItem whose text is still a promise. Where that is missing
// or refused, `writeText` and then a hidden text area with the copy command are tried.
// Only the words shown to the scrum master are decided here, never the message itself.

/** The page's ways to reach the clipboard (the real ones in the app; fakes in tests). */
export interface ClipboardIo {
  /** `navigator.clipboard.write` of a ClipboardItem whose text is a promise, started in the click. */
  writeLater?: (text: Promise<string>) => Promise<void>;
  /** `navigator.clipboard.writeText`, when the page has it. */
  writeText?: (text: string) => Promise<void>;
  /** The copy-command fallback: selects `text` in a hidden text area and runs `copy`; false when refused. */
  copyCommand: (text: string) => boolean;
}

/** What the button says after a click. */
export type CopyStatus =
  | { kind: "idle" }
  | { kind: "copying" }
  | { kind: "copied"; text: string; note: string }
  | { kind: "failed"; message: string };

/** Puts `text` on the clipboard; throws one sentence when neither way works. */
export async function writeClipboard(text: string, io: ClipboardIo): Promise<void> {
  if (io.writeText) {
    try {
      await io.writeText(text);
      return;
    } catch {
      // Refused (no permission, not focused): the copy command may still work.
    }
  }
  if (!io.copyCommand(text)) {
    throw new Error("the clipboard refused the text; select the message and copy it by hand");
  }
}

/** Fetches the message with `fetch` and copies it; the outcome is what the button shows. Call it
 *  from the click handler itself, before any other `await`. */
export async function copyStandup(fetch: () => Promise<string>, io: ClipboardIo): Promise<CopyStatus> {
  const pending = fetch();
  // Started now, inside the click; settles once the text has arrived and been written.
  const early = io.writeLater ? io.writeLater(pending).then(() => true, () => false) : Promise.resolve(false);
  let text: string;
  try {
    text = await pending;
  } catch (e) {
    const message = (e as { message?: string }).message ?? String(e);
    return { kind: "failed", message: `Could not build the stand-up message: ${message}` };
  }
  if (!(await early)) {
    try {
      await writeClipboard(text, io);
    } catch (e) {
      return { kind: "failed", message: `Could not copy: ${(e as Error).message}` };
    }
  }
  const lines = text.trimEnd().split("\n").length;
  return { kind: "copied", text, note: `Copied ${lines} lines as Markdown; paste them in the team's chat.` };
}

/** The page's clipboard: the Clipboard API where present, else a hidden text area and `copy`. */
export function pageClipboard(doc: Document = document, nav: Navigator = navigator): ClipboardIo {
  const canWriteItems = typeof ClipboardItem !== "undefined" && !!nav.clipboard?.write;
  return {
    writeLater: canWriteItems
      ? (text) =>
          nav.clipboard.write([
            new ClipboardItem({ "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })) }),
          ])
      : undefined,
    writeText: nav.clipboard?.writeText ? (t) => nav.clipboard.writeText(t) : undefined,
    copyCommand: (t) => {
      const area = doc.createElement("textarea");
      area.value = t;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      doc.body.appendChild(area);
      area.select();
      try {
        return doc.execCommand("copy");
      } catch {
        return false;
      } finally {
        area.remove();
      }
    },
  };
}
