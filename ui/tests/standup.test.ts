// "Copy for stand-up": the backend's message goes to the clipboard unchanged, the copy command
// takes over when the Clipboard API is missing or refuses, and every failure is one sentence.
import { describe, expect, it } from "vitest";
import { copyStandup, writeClipboard, type ClipboardIo } from "../src/lib/standup/copy";

const MESSAGE = "**Stand-up for Phoenix, Wednesday 2 December 2026**\n\n- **Batman**: Ana, until tomorrow 09:30\n  - Next: Ben from tomorrow 09:30\n";

function fakeClipboard(opts: { api?: "ok" | "refuses" | "missing"; command?: boolean } = {}) {
  const written: string[] = [];
  const io: ClipboardIo = {
    writeText:
      opts.api === "missing"
        ? undefined
        : async (t) => {
            if (opts.api === "refuses") throw new DOMException("not allowed", "NotAllowedError");
            written.push(`api:${t}`);
          },
    copyCommand: (t) => {
      if (opts.command === false) return false;
      written.push(`command:${t}`);
      return true;
    },
  };
  return { io, written };
}

describe("copy for stand-up", () => {
  it("copies what changed since the last publish as the backend wrote it", async () => {
    const withChanges = `${MESSAGE}\n**Changed since the last publish**\n- Ana: Tue 8 Dec → Thu 10 Dec\n- Ben: now on duty Tue 8 Dec (not published yet)\n`;
    const { io, written } = fakeClipboard({ api: "ok" });
    const status = await copyStandup(async () => withChanges, io);
    expect(written).toEqual([`api:${withChanges}`]);
    expect(status).toMatchObject({ kind: "copied", note: "Copied 8 lines as Markdown; paste them in the team's chat." });
  });

  it("puts the backend's message on the clipboard as it is", async () => {
    const { io, written } = fakeClipboard({ api: "ok" });
    const status = await copyStandup(async () => MESSAGE, io);
    expect(written).toEqual([`api:${MESSAGE}`]);
    expect(status).toEqual({ kind: "copied", text: MESSAGE, note: "Copied 4 lines as Markdown; paste them in the team's chat." });
  });

  it("starts the clipboard write inside the click, before the message has arrived", async () => {
    const { io, written } = fakeClipboard({ api: "ok" });
    let arrive: (t: string) => void = () => {};
    let startedWith: Promise<string> | null = null;
    io.writeLater = async (text) => {
      startedWith = text;
      written.push(`item:${await text}`);
    };
    const done = copyStandup(() => new Promise<string>((r) => (arrive = r)), io);
    expect(startedWith).not.toBeNull(); // called synchronously, while the text is still on its way
    arrive(MESSAGE);
    expect((await done).kind).toBe("copied");
    expect(written).toEqual([`item:${MESSAGE}`]);
  });

  it("falls back to writeText when the early write is refused", async () => {
    const { io, written } = fakeClipboard({ api: "ok" });
    io.writeLater = async () => {
      throw new DOMException("not allowed", "NotAllowedError");
    };
    expect((await copyStandup(async () => MESSAGE, io)).kind).toBe("copied");
    expect(written).toEqual([`api:${MESSAGE}`]);
  });

  it("falls back to the copy command when the Clipboard API is missing or refuses", async () => {
    for (const api of ["missing", "refuses"] as const) {
      const { io, written } = fakeClipboard({ api });
      const status = await copyStandup(async () => MESSAGE, io);
      expect(written).toEqual([`command:${MESSAGE}`]);
      expect(status.kind).toBe("copied");
    }
  });

  it("says so in one sentence when nothing can copy", async () => {
    const { io } = fakeClipboard({ api: "refuses", command: false });
    await expect(writeClipboard("x", io)).rejects.toThrow("the clipboard refused the text; select the message and copy it by hand");
    const status = await copyStandup(async () => MESSAGE, io);
    expect(status).toEqual({ kind: "failed", message: "Could not copy: the clipboard refused the text; select the message and copy it by hand" });
  });

  it("passes the backend's sentence on when the message cannot be built", async () => {
    const { io, written } = fakeClipboard();
    const status = await copyStandup(async () => {
      throw { kind: "not_found", message: "team 9 does not exist", field: null };
    }, io);
    expect(written).toEqual([]);
    expect(status).toEqual({ kind: "failed", message: "Could not build the stand-up message: team 9 does not exist" });
  });
});
