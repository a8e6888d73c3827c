//! Generates `ui/src/lib/ipc.ts`, the typed wrappers of every IPC command, from the Rust command
//! list, and fails when the committed copy has drifted. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test --test ipc_contract` (the same switch as the bindings test).
//!
//! The source of truth is the code itself, read with `syn`: the `generate_handler!` list in
//! `src-tauri/src/lib.rs` gives the command names and their order; each listed fn gives its
//! parameters (minus what Tauri injects) and the `T` of its `CmdResult<T>`. Data types are the
//! ones ts-rs exports to `ui/src/lib/bindings.ts`; this test only names them, and checks they are
//! there. A second test keeps hand-written IPC out of the UI: only `ipc.ts` names commands.
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Attribute, Expr, FnArg, GenericArgument, ItemFn, Lit, Pat, PathArguments, ReturnType, Token, Type};

/// Parameters Tauri fills in itself: never sent by the UI.
const INJECTED: &[&str] = &[
    "State",
    "AppHandle",
    "Window",
    "Webview",
    "WebviewWindow",
    "Request",
    "CommandScope",
    "GlobalScope",
];

const IPC_TS: &str = "ui/src/lib/ipc.ts";
const BINDINGS_TS: &str = "ui/src/lib/bindings.ts";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn src_dir() -> PathBuf {
    root().join("src-tauri/src")
}

/// One IPC command as the UI sees it.
struct Command {
    name: String,
    docs: Vec<String>,
    params: Vec<Param>,
    result: String,
    /// The bindings.ts types it names.
    uses: BTreeSet<String>,
}

struct Param {
    /// The key Tauri reads the argument from (camelCase unless `rename_all = "snake_case"`).
    key: String,
    ts: String,
}

/// TypeScript for the Rust types that cross IPC. Named types are collected into `named`.
fn ts_type(ty: &Type, named: &mut BTreeSet<String>) -> Result<String, String> {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, named),
        Type::Paren(p) => ts_type(&p.elem, named),
        Type::Group(g) => ts_type(&g.elem, named),
        Type::Tuple(t) if t.elems.is_empty() => Ok("null".into()),
        Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last().ok_or("an empty path")?;
            let ident = last.ident.to_string();
            let args = generic_types(&last.arguments);
            match (ident.as_str(), args.as_slice()) {
                ("String" | "str" | "PathBuf" | "Path" | "char", []) => Ok("string".into()),
                // ts-rs (chrono-impl) exports chrono's dates and times as ISO strings.
                ("NaiveDate" | "NaiveDateTime" | "NaiveTime" | "DateTime", _) => Ok("string".into()),
                (
                    "Id" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
                    | "usize" | "f32" | "f64",
                    [],
                ) => Ok("number".into()),
                ("bool", []) => Ok("boolean".into()),
                ("Option", [inner]) => Ok(format!("{} | null", ts_type(inner, named)?)),
                ("Vec" | "VecDeque" | "HashSet" | "BTreeSet", [inner]) => {
                    let t = ts_type(inner, named)?;
                    Ok(if t.contains(' ') {
                        format!("({t})[]")
                    } else {
                        format!("{t}[]")
                    })
                }
                ("Box" | "Arc" | "Rc", [inner]) => ts_type(inner, named),
                // Maps (whose TypeScript depends on the key type) and the rest of std are not mapped.
                (
                    "HashMap" | "BTreeMap" | "IndexMap" | "Result" | "Cow" | "Mutex" | "RwLock" | "Cell" | "RefCell",
                    _,
                ) => Err(format!("cannot map the Rust type `{}` to TypeScript", rust_type(ty))),
                // A type ts-rs exports: `Team`, or a generic one such as `Outcome<Plan>` (exported as `Outcome<T>`).
                (name, args)
                    if name.starts_with(|c: char| c.is_ascii_uppercase())
                        && !matches!(last.arguments, PathArguments::Parenthesized(_)) =>
                {
                    named.insert(name.to_owned());
                    if args.is_empty() {
                        return Ok(name.to_owned());
                    }
                    let args = args.iter().map(|a| ts_type(a, named)).collect::<Result<Vec<_>, _>>()?;
                    Ok(format!("{name}<{}>", args.join(", ")))
                }
                _ => Err(format!("cannot map the Rust type `{}` to TypeScript", rust_type(ty))),
            }
        }
        _ => Err(format!("cannot map the Rust type `{}` to TypeScript", rust_type(ty))),
    }
}

/// The type arguments of `Foo<A, B>` (lifetimes skipped).
fn generic_types(args: &PathArguments) -> Vec<&Type> {
    match args {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A Rust type written back for error messages (paths, references and tuples; a placeholder for the rest).
fn rust_type(ty: &Type) -> String {
    match ty {
        Type::Reference(r) => format!("&{}", rust_type(&r.elem)),
        Type::Tuple(t) => format!("({})", t.elems.iter().map(rust_type).collect::<Vec<_>>().join(", ")),
        Type::Path(p) => p
            .path
            .segments
            .iter()
            .map(|s| {
                let args = generic_types(&s.arguments);
                if args.is_empty() {
                    s.ident.to_string()
                } else {
                    format!(
                        "{}<{}>",
                        s.ident,
                        args.into_iter().map(rust_type).collect::<Vec<_>>().join(", ")
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("::"),
        Type::Array(_) => "[T; N]".into(),
        Type::Slice(_) => "[T]".into(),
        _ => "(a type of another form)".into(),
    }
}

/// `team_id` → `teamId` (what Tauri v2 does to argument keys, and the wrapper names).
fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, word) in snake.split('_').filter(|w| !w.is_empty()).enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.extend(first.to_lowercase());
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

/// Words that cannot name a TypeScript parameter (`new` is a Rust parameter here).
fn reserved(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "arguments",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "eval",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "implements",
        "import",
        "in",
        "instanceof",
        "interface",
        "let",
        "new",
        "null",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "static",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
    ];
    WORDS.contains(&word)
}

/// The handler list: `(module path, fn name)` in order, from the one `generate_handler!` in lib.rs.
fn handler_list() -> Vec<(Vec<String>, String)> {
    struct Finder(Vec<syn::Macro>);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if mac.path.segments.last().is_some_and(|s| s.ident == "generate_handler") {
                self.0.push(mac.clone());
            }
            syn::visit::visit_macro(self, mac);
        }
    }
    let lib = src_dir().join("lib.rs");
    let file = parse_file(&lib);
    let mut finder = Finder(Vec::new());
    finder.visit_file(&file);
    assert!(
        finder.0.len() == 1,
        "src-tauri/src/lib.rs: expected exactly one `tauri::generate_handler![…]`, found {}",
        finder.0.len()
    );
    let paths = finder.0[0]
        .parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
        .unwrap_or_else(|e| panic!("src-tauri/src/lib.rs: cannot read the generate_handler! list: {e}"));
    paths
        .into_iter()
        .map(|p| {
            let mut segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
            let name = segs.pop().expect("a path has a last segment");
            if segs.first().is_some_and(|s| s == "crate") {
                segs.remove(0);
            }
            (segs, name)
        })
        .collect()
}

fn parse_file(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()))
}

/// The source file of a module path as written in the handler list (lib.rs does `use commands::*`).
fn module_file(module: &[String]) -> PathBuf {
    let src = src_dir();
    if module.is_empty() {
        return src.join("lib.rs");
    }
    let rel = module.join("/");
    let candidates = [
        src.join(format!("{rel}.rs")),
        src.join(format!("{rel}/mod.rs")),
        src.join(format!("commands/{rel}.rs")),
        src.join(format!("commands/{rel}/mod.rs")),
    ];
    candidates.iter().find(|p| p.is_file()).cloned().unwrap_or_else(|| {
        panic!(
            "no source file for module `{}` (looked in src-tauri/src and src-tauri/src/commands)",
            module.join("::")
        )
    })
}

fn display(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

/// `#[tauri::command(...)]`'s `rename_all`, or an error when the attribute is missing.
fn rename_all(f: &ItemFn, at: &str) -> Result<String, String> {
    let attr = f
        .attrs
        .iter()
        .find(|a| {
            let segs: Vec<_> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
            segs.last().is_some_and(|s| s == "command") && segs.first().is_some_and(|s| s == "tauri" || s == "command")
        })
        .ok_or_else(|| format!("{at}: the fn has no #[tauri::command] attribute"))?;
    let mut casing = "camelCase".to_owned();
    if let syn::Meta::List(_) = &attr.meta {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let value: syn::LitStr = meta.value()?.parse()?;
                casing = value.value();
            } else if meta.input.peek(Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        })
        .map_err(|e| format!("{at}: cannot read #[tauri::command(…)]: {e}"))?;
    }
    match casing.as_str() {
        "camelCase" | "snake_case" => Ok(casing),
        other => Err(format!(
            "{at}: rename_all = \"{other}\" is not supported (camelCase or snake_case)"
        )),
    }
}

fn docs(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit { lit: Lit::Str(s), .. }) => Some(s.value().trim().replace("*/", "*\\/")),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The `T` of `CmdResult<T>` (or `Result<T, AppError>`): every command's error is an AppError.
fn ok_type<'a>(ret: &'a ReturnType, at: &str) -> Result<&'a Type, String> {
    let fail = || format!("{at}: must return CmdResult<T> (errors cross IPC as AppError)");
    let ReturnType::Type(_, ty) = ret else {
        return Err(fail());
    };
    let Type::Path(p) = ty.as_ref() else { return Err(fail()) };
    let last = p.path.segments.last().ok_or_else(fail)?;
    let args = generic_types(&last.arguments);
    match (last.ident.to_string().as_str(), args.as_slice()) {
        ("CmdResult", [t]) => Ok(t),
        ("Result", [t, Type::Path(e)]) if e.path.segments.last().is_some_and(|s| s.ident == "AppError") => Ok(t),
        _ => Err(fail()),
    }
}

/// Reads every command of the handler list; the named types they use go into `named`.
fn commands(named: &mut BTreeSet<String>) -> Vec<Command> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (module, name) in handler_list() {
        let path = module_file(&module);
        let file = parse_file(&path);
        let at = format!("{}: `{name}`", display(&path));
        let Some(f) = file.items.iter().find_map(|item| match item {
            syn::Item::Fn(f) if f.sig.ident == name => Some(f),
            _ => None,
        }) else {
            errors.push(format!("{at}: no such fn (listed in generate_handler!)"));
            continue;
        };
        let casing = match rename_all(f, &at) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut params = Vec::new();
        let mut uses = BTreeSet::new();
        for input in &f.sig.inputs {
            let FnArg::Typed(arg) = input else {
                errors.push(format!("{at}: a command cannot take self"));
                continue;
            };
            if let Type::Path(p) = arg.ty.as_ref() {
                if p.path
                    .segments
                    .last()
                    .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str()))
                {
                    continue;
                }
            }
            let Pat::Ident(ident) = arg.pat.as_ref() else {
                errors.push(format!("{at}: a parameter is a pattern, not a plain name"));
                continue;
            };
            let rust_name = ident.ident.to_string();
            let key = if casing == "snake_case" {
                rust_name.clone()
            } else {
                camel(&rust_name)
            };
            match ts_type(&arg.ty, &mut uses) {
                Ok(ts) => params.push(Param { key, ts }),
                Err(e) => errors.push(format!("{at}: parameter `{rust_name}`: {e}")),
            }
        }
        let result = match ok_type(&f.sig.output, &at).and_then(|t| ts_type(t, &mut uses)) {
            Ok(ts) => ts,
            Err(e) if e.starts_with(&at) => {
                errors.push(e);
                continue;
            }
            Err(e) => {
                errors.push(format!("{at}: result: {e}"));
                continue;
            }
        };
        named.extend(uses.iter().cloned());
        out.push(Command {
            name,
            docs: docs(&f.attrs),
            params,
            result,
            uses,
        });
    }
    assert!(
        errors.is_empty(),
        "the IPC contract cannot be generated (extend ts_type in src-tauri/tests/ipc_contract.rs, or change the \
         command):\n  {}",
        errors.join("\n  ")
    );
    out
}

/// The names `bindings.ts` exports (`export type X = …`).
fn exported_types() -> BTreeSet<String> {
    let path = root().join(BINDINGS_TS);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {BINDINGS_TS}: {e}"));
    text.lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

fn generate() -> String {
    let mut named = BTreeSet::new();
    let commands = commands(&mut named);

    let exported = exported_types();
    let missing: Vec<String> = named
        .iter()
        .filter(|n| !exported.contains(*n))
        .map(|n| {
            let users: Vec<&str> = commands
                .iter()
                .filter(|c| c.uses.contains(n))
                .map(|c| c.name.as_str())
                .collect();
            format!("`{n}` (used by {})", users.join(", "))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{BINDINGS_TS} does not export {}; add the Rust types to src-tauri/tests/bindings.rs and run \
         UPDATE_BINDINGS=1 cargo test --test bindings",
        missing.join(", ")
    );

    let mut text = String::from(
        "// Generated from the Rust command list by src-tauri/tests/ipc_contract.rs. Do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test --test ipc_contract\n\
         //\n\
         // One wrapper per command of `generate_handler!` in src-tauri/src/lib.rs, in that order. Each resolves\n\
         // with the command's result or rejects with an AppError { kind, message, field } (see `call`).\n\
         // `T | null` arguments are Rust `Option`s: pass null for \"not given\".\n\
         import { call } from \"./api\";\n",
    );
    if !named.is_empty() {
        text.push_str(&wrap_import(&named.into_iter().collect::<Vec<_>>()));
    }
    text.push_str("\nexport const commands = {\n");
    for c in &commands {
        match c.docs.as_slice() {
            [] => {}
            [one] => writeln!(text, "  /** {one} */").unwrap(),
            lines => {
                text.push_str("  /**\n");
                for l in lines {
                    writeln!(text, "   * {l}").unwrap(); // a blank doc line's trailing space is trimmed below
                }
                text.push_str("   */\n");
            }
        }
        let names: Vec<String> = c
            .params
            .iter()
            .map(|p| {
                if reserved(&p.key) {
                    format!("{}_", p.key)
                } else {
                    p.key.clone()
                }
            })
            .collect();
        let sig: Vec<String> = c
            .params
            .iter()
            .zip(&names)
            .map(|(p, n)| format!("{n}: {}", p.ts))
            .collect();
        let args: Vec<String> = c
            .params
            .iter()
            .zip(&names)
            .map(|(p, n)| {
                if *n == p.key {
                    n.clone()
                } else {
                    format!("{}: {n}", p.key)
                }
            })
            .collect();
        let payload = if args.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", args.join(", "))
        };
        let head = format!("  {}: ({}) =>", camel(&c.name), sig.join(", "));
        let body = format!("call<{}>(\"{}\"{payload}),", c.result, c.name);
        if head.len() + 1 + body.len() <= 120 {
            writeln!(text, "{head} {body}").unwrap();
        } else if head.len() <= 120 {
            writeln!(text, "{head}\n    {body}").unwrap();
        } else {
            writeln!(text, "  {}: (", camel(&c.name)).unwrap();
            for s in &sig {
                writeln!(text, "    {s},").unwrap();
            }
            writeln!(text, "  ) => {body}").unwrap();
        }
    }
    text.push_str("};\n");
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

/// `import type { A, B, … } from "./bindings";`, wrapped at 100 columns.
fn wrap_import(names: &[String]) -> String {
    let one = format!("import type {{ {} }} from \"./bindings\";\n", names.join(", "));
    if one.len() <= 101 {
        return one;
    }
    let mut out = String::from("import type {\n");
    let mut line = String::from(" ");
    for n in names {
        if line.len() + n.len() + 2 > 100 {
            out.push_str(&line);
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(n);
        line.push(',');
    }
    out.push_str(&line);
    out.push_str("\n} from \"./bindings\";\n");
    out
}

#[test]
fn ipc_wrappers_are_up_to_date() {
    let path = root().join(IPC_TS);
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{IPC_TS} is out of date; run UPDATE_BINDINGS=1 cargo test --test ipc_contract"
    );
}

/// Files allowed to reach IPC: the generated wrappers, and `call` itself.
const IPC_FILES: &[&str] = &["ui/src/lib/ipc.ts", "ui/src/lib/api.ts"];

fn ui_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            ui_sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "ts" || e == "svelte") {
            out.push(p);
        }
    }
}

/// Where `word` is called as a function: `word(` or `word<`, not part of a longer identifier.
fn calls(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].trim_start().chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') && matches!(after, Some('(' | '<'))
    })
}

#[test]
fn no_command_is_invoked_by_hand_in_the_ui() {
    let names: Vec<String> = handler_list().into_iter().map(|(_, n)| n).collect();
    let mut files = Vec::new();
    ui_sources(&root().join("ui/src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let rel = display(&file).replace('\\', "/");
        if IPC_FILES.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
                continue;
            }
            for word in ["call", "invoke"] {
                if calls(line, word) {
                    found.push(format!("{rel}:{}: calls `{word}` directly: {}", n + 1, line.trim()));
                }
            }
            for name in &names {
                if ["\"", "'", "`"].iter().any(|q| line.contains(&format!("{q}{name}{q}"))) {
                    found.push(format!(
                        "{rel}:{}: names the command \"{name}\": {}",
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "IPC is reached only through `commands` of {IPC_TS} (generated); found hand-written calls:\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn camel_case_matches_tauri_argument_keys() {
    assert_eq!(camel("team_id"), "teamId");
    assert_eq!(camel("what_ifs"), "whatIfs");
    assert_eq!(camel("from"), "from");
    assert_eq!(camel("list_release_trains"), "listReleaseTrains");
}

#[test]
fn rust_types_map_to_typescript() {
    let map = |src: &str| {
        let ty: Type = syn::parse_str(src).unwrap();
        let mut named = BTreeSet::new();
        ts_type(&ty, &mut named).map(|t| (t, named.into_iter().collect::<Vec<_>>()))
    };
    assert_eq!(map("&str").unwrap().0, "string");
    assert_eq!(map("Option<Id>").unwrap().0, "number | null");
    assert_eq!(map("Vec<Option<u32>>").unwrap().0, "(number | null)[]");
    assert_eq!(map("()").unwrap().0, "null");
    assert_eq!(
        map("sprintshield_core::team::Team").unwrap(),
        ("Team".into(), vec!["Team".into()])
    );
    assert_eq!(map("Vec<Member>").unwrap().0, "Member[]");
    assert_eq!(
        map("Outcome<Vec<Plan>>").unwrap(),
        ("Outcome<Plan[]>".into(), vec!["Outcome".into(), "Plan".into()])
    );
    let err = map("HashMap<String, u32>").unwrap_err();
    assert!(err.contains("HashMap<String, u32>"), "{err}");
    assert!(map("Vec<(u32, u32)>").is_err());
    assert!(map("(u32, u32)").is_err());
}
