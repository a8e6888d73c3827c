//! `named_enum!`: closed sets of choices (team kind, interrupt category, …) with one stable
//! machine name per variant, a human label, and a parser with a helpful error. The same names are
//! used in SQLite, JSON, the CLI and the UI, so they are defined once, here.

/// Declares an enum whose variants have a stable snake_case `name` and a human `label`.
///
/// Generates `ALL`, `name()`, `label()`, `parse(text)` (accepts the name with `-`, `_` or spaces,
/// case-insensitive, plus the listed aliases), serde (as the name) and ts-rs (a string union).
#[macro_export]
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $Variant:ident = $name:literal, $label:literal $(, [$($alias:literal),*])? ; )+
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        $(#[$meta])*
        $vis enum $Name {
            $( $(#[$vmeta])* #[doc = $label] #[serde(rename = $name)] $Variant, )+
        }

        impl $Name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$Name] = &[$($Name::$Variant),+];

            /// The stable machine name (stored in SQLite, used in JSON and the CLI).
            pub fn name(self) -> &'static str {
                match self { $($Name::$Variant => $name),+ }
            }

            /// The label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($Name::$Variant => $label),+ }
            }

            /// Parses a name (`-`, `_` or spaces alike, any case) or a known alias.
            pub fn parse(text: &str) -> ::core::result::Result<Self, $crate::Invalid> {
                let norm: String = text.trim().to_ascii_lowercase().chars()
                    .map(|c| if c == '-' || c == ' ' || c == '/' { '_' } else { c }).collect();
                $(
                    if norm == $name $($(|| norm == $alias)*)? { return ::core::result::Result::Ok($Name::$Variant); }
                )+
                ::core::result::Result::Err($crate::Invalid::new($what, format!(
                    "\"{}\" is not a valid {}; choose one of: {}",
                    $crate::text::shown(text), $what, [$($name),+].join(", ")
                )))
            }
        }

        impl std::fmt::Display for $Name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}
