//! How models are written in `index.d.ts`.

use super::{DecimalString, JsNumber, SafeInt};

/// How a Rust type is written in the TypeScript declarations (`index.d.ts`).
pub trait TsType {
    /// The type as a field or argument refers to it.
    fn ts_ref() -> String;
    /// The declaration of a named type; `None` for scalars and containers.
    fn ts_declaration() -> Option<String> {
        None
    }
    /// Adds this type's declaration and those of the types it names, each
    /// once: the models of `index.d.ts` come from a provider's root types.
    fn ts_collect(out: &mut TsDeclarations) {
        let _ = out;
    }
}

/// Named TypeScript declarations, each added once, in the order first reached.
#[derive(Debug, Default)]
pub struct TsDeclarations {
    names: Vec<String>,
    text: String,
}

impl TsDeclarations {
    /// Adds `T` and everything it names.
    pub fn add<T: TsType>(&mut self) {
        T::ts_collect(self);
    }

    /// Adds `declaration` under `name`; `false` (and nothing added) when a
    /// declaration of that name is already there.
    pub fn insert(&mut self, name: &str, declaration: &str) -> bool {
        if self.names.iter().any(|n| n == name) {
            return false;
        }
        self.names.push(name.to_owned());
        self.text.push_str(declaration);
        self.text.push('\n');
        true
    }

    /// The declarations, each followed by a blank line.
    pub fn text(&self) -> &str {
        &self.text
    }
}

macro_rules! ts_scalar {
    ($($ty:ty => $ts:literal),* $(,)?) => {
        $( impl TsType for $ty { fn ts_ref() -> String { $ts.to_owned() } } )*
    };
}

ts_scalar! {
    String => "string",
    bool => "boolean",
    i32 => "number",
    u16 => "number",
    SafeInt => "number",
    DecimalString => "string",
    JsNumber => "number",
    serde_json::Value => "JsonValue",
}

impl<T: TsType> TsType for Vec<T> {
    fn ts_ref() -> String {
        format!("{}[]", T::ts_ref())
    }
    fn ts_collect(out: &mut TsDeclarations) {
        T::ts_collect(out);
    }
}

impl<T: TsType> TsType for std::collections::BTreeMap<String, T> {
    fn ts_ref() -> String {
        format!("Record<string, {}>", T::ts_ref())
    }
    fn ts_collect(out: &mut TsDeclarations) {
        T::ts_collect(out);
    }
}

/// A JSDoc block from `///` lines (each starts with a space).
pub fn ts_doc(indent: &str, lines: &[&str]) -> String {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let body: String = many.iter().map(|l| format!("{indent} * {l}\n")).collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// A property name, quoted when it is not a plain identifier.
pub fn ts_key(wire: &str) -> String {
    let plain = wire
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && wire.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        wire.to_owned()
    } else {
        format!("{wire:?}")
    }
}
