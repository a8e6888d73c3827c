// The generated IPC wrappers (src/lib/ipc.ts) over a mocked Tauri invoke: argument keys are
// camelCase, and every wrapper rejects with an AppError, whatever invoke threw.
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { commands } = await import("../src/lib/ipc");

describe("generated IPC wrappers", () => {
  beforeEach(() => { invoke.mockReset(); });

  it("sends the command name and camelCase argument keys", async () => {
    invoke.mockResolvedValue([]);
    await commands.listMembers(7);
    expect(invoke).toHaveBeenLastCalledWith("list_members", { teamId: 7 });
    await commands.addReleaseTrain(null, 1, 2, 3);
    expect(invoke).toHaveBeenLastCalledWith("add_release_train", { name: null, devTeamId: 1, opsTeamId: 2, lagWeeks: 3 });
    await commands.createTeam({ name: "A", kind: "dev", zone: "Europe/Berlin", sprint_length_days: 14 });
    expect(invoke).toHaveBeenLastCalledWith("create_team", { new: { name: "A", kind: "dev", zone: "Europe/Berlin", sprint_length_days: 14 } });
    await commands.appInfo();
    expect(invoke).toHaveBeenLastCalledWith("app_info", {});
  });

  it("every wrapper rejects with an AppError", async () => {
    invoke.mockRejectedValue("database is locked");
    const all = Object.entries(commands) as [string, (...a: unknown[]) => Promise<unknown>][];
    expect(all.length).toBeGreaterThan(40);
    for (const [name, wrapper] of all) {
      const err = await wrapper(...Array<unknown>(wrapper.length).fill(null)).then(() => null, (e: unknown) => e);
      expect(err, name).toEqual({ kind: "storage", message: "database is locked", field: null });
    }
    invoke.mockRejectedValue({ kind: "validation", message: "bad", field: "name" });
    await expect(commands.listTeams()).rejects.toEqual({ kind: "validation", message: "bad", field: "name" });
  });
});
