// uPlot builds an Intl.NumberFormat from navigator.language as soon as it loads. WebKitGTK reports
// the POSIX locale as the language ("C" when LANG is unset or C, "en-US@posix", "de_DE.UTF-8"),
// which Intl rejects with a RangeError, and the whole UI fails to start (uPlot issue #1053, fixed
// upstream but not released in 1.6.32). Importing this module before "uplot" replaces such a
// language with the closest tag Intl accepts.

function accepted(tag: string): boolean {
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

/** `tag` when Intl accepts it, else the tag without POSIX decorations, else Intl's default locale. */
export function usableLanguage(tag: string): string {
  if (accepted(tag)) return tag;
  const cleaned = tag.split(/[@.]/)[0]!.replace(/_/g, "-");
  if (cleaned && accepted(cleaned)) return cleaned;
  return new Intl.NumberFormat().resolvedOptions().locale;
}

if (typeof navigator !== "undefined" && navigator.language) {
  const language = usableLanguage(navigator.language);
  if (language !== navigator.language) Object.defineProperty(navigator, "language", { value: language, configurable: true });
}
