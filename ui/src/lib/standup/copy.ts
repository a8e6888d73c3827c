// "Copy for stand-up": fetch the team's stand-up message (Markdown, composed by the backend, the
// same text the chat post is made from) and put it on the clipboard. The web Clipboard API is
// tried first; where the page may not use it, a hidden text area and the copy command do it.
// Only the words shown to the scrum master are decided here, never the message itself.

/** The page's ways to reach the clipboard (the real ones in the app; fakes in tests). */
export interface ClipboardIo {
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

/** Fetches the message with `fetch` and copies it; the outcome is what the button shows. */
export async function copyStandup(fetch: () => Promise<string>, io: ClipboardIo): Promise<CopyStatus> {
  let text: string;
  try {
    text = await fetch();
  } catch (e) {
    const message = (e as { message?: string }).message ?? String(e);
    return { kind: "failed", message: `Could not build the stand-up message: ${message}` };
  }
  try {
    await writeClipboard(text, io);
  } catch (e) {
    return { kind: "failed", message: `Could not copy: ${(e as Error).message}` };
  }
  const lines = text.trimEnd().split("\n").length;
  return { kind: "copied", text, note: `Copied ${lines} lines as Markdown; paste them in the team's chat.` };
}

/** The page's clipboard: the Clipboard API where present, else a hidden text area and `copy`. */
export function pageClipboard(doc: Document = document, nav: Navigator = navigator): ClipboardIo {
  return {
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
