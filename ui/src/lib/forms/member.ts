// The member form: what the scrum master types, turned into a NewMember.
import type { Member, NewMember } from "../bindings";
import { type FormResult, parseOptionalInt, parseTags, required } from "./form";

export interface MemberFields {
  name: string;
  email: string;
  capacity: string;
  skills: string;
  activeFrom: string;
  activeUntil: string;
  canTakeDuty: boolean;
  /** `#rrggbb` chosen by the user; "" lets the backend pick one no teammate wears. */
  colour: string;
}

export const MEMBER_FIELDS = ["name", "email", "capacity_percent", "skills", "active_from", "active_until", "colour"] as const;

/** A blank new member, active from `activeFrom` (the team's local today when the form opens). */
export function emptyMember(activeFrom = ""): MemberFields {
  return { name: "", email: "", capacity: "100", skills: "", activeFrom, activeUntil: "", canTakeDuty: true, colour: "" };
}

/** The fields of a stored member, for the editor. */
export function memberFields(m: Member): MemberFields {
  return {
    name: m.name,
    email: m.email ?? "",
    capacity: String(m.capacity_percent),
    skills: m.skills.join(", "),
    activeFrom: m.active_from ?? "",
    activeUntil: m.active_until ?? "",
    canTakeDuty: m.can_take_duty,
    colour: m.colour,
  };
}

export function memberInput(f: MemberFields): FormResult<NewMember> {
  const errors: Record<string, string> = {};
  const nameError = required(f.name, "a name");
  if (nameError) errors.name = nameError;
  const capacity = parseOptionalInt(f.capacity);
  if (Number.isNaN(capacity)) errors.capacity_percent = "Capacity is a whole number of percent, e.g. 80.";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: NewMember = {
    name: f.name.trim(),
    skills: parseTags(f.skills),
    can_take_duty: f.canTakeDuty,
  };
  if (f.email.trim()) input.email = f.email.trim();
  if (capacity !== null) input.capacity_percent = capacity;
  if (f.activeFrom) input.active_from = f.activeFrom;
  if (f.activeUntil) input.active_until = f.activeUntil;
  if (f.colour) input.colour = f.colour;
  return { input, errors };
}
