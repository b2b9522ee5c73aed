//! Reading documents as their JSON Schema describes them.
//!
//! serde's derive reads a struct from a map *or* from a sequence of its fields in
//! order, so `[]` would be an empty catalog and `"shortest": [2, "week"]` a time span,
//! although the schema says both must be objects. [`Strict`] wraps a format's
//! deserializer and refuses sequences where a struct is expected. It also reads a whole
//! number written with a fraction (`3.0`) as an integer, as JSON Schema does. The
//! schema and the loader are checked against each other by `tests/differential.rs`.
//!
//! Two more things the derive does not do, which a user's document needs:
//! - A key written twice in one object is an error naming the key (serde_json keeps
//!   the last value silently; TOML already refuses it).
//! - Errors say what the document should hold in the document's words (`a whole
//!   number from 0 to 4294967295`, `an object with fields id, name, ...`, `a list`),
//!   not serde's Rust names (`u32`, `struct Role`, `a sequence`).

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

/// A deserializer that reads records only from maps.
pub(crate) struct Strict<D>(pub(crate) D);

/// What a wrapped visitor expects.
#[derive(Clone, Copy)]
enum Expect {
    /// Anything its visitor takes.
    Any,
    /// Text.
    Text,
    /// A struct with these fields: a map, not a sequence.
    Struct(&'static [&'static str]),
    /// A list.
    Seq,
    /// A map.
    Map,
    /// An integer, which may be written as a float without a fraction; the words for
    /// its range.
    Integer(&'static str),
    /// A floating-point number.
    Number,
}

/// serde's names for its primitive visitors, which name the Rust type.
const PRIMITIVES: &[&str] =
    &["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64"];

/// The key under which the `toml` crate hands a date-time to a visitor, as a map.
const TOML_DATETIME: &str = "$__toml_private_datetime";

/// A visitor whose nested deserializers are [`Strict`] too.
struct Wrap<V> {
    visitor: V,
    expect: Expect,
}

impl<V> Wrap<V> {
    fn any(visitor: V) -> Self {
        Self { visitor, expect: Expect::Any }
    }
}

macro_rules! forward {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(Wrap::any(visitor))
            }
        )*
    };
}

macro_rules! integer {
    ($($method:ident: $words:expr)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(Wrap { visitor, expect: Expect::Integer($words) })
            }
        )*
    };
}

macro_rules! expect {
    ($($method:ident: $expect:expr)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(Wrap { visitor, expect: $expect })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit
        deserialize_identifier deserialize_ignored_any
    }

    expect! {
        deserialize_str: Expect::Text
        deserialize_string: Expect::Text
        deserialize_seq: Expect::Seq
        deserialize_map: Expect::Map
        deserialize_f32: Expect::Number
        deserialize_f64: Expect::Number
    }

    integer! {
        deserialize_i8: "a whole number from -128 to 127"
        deserialize_i16: "a whole number from -32768 to 32767"
        deserialize_i32: "a whole number from -2147483648 to 2147483647"
        deserialize_i64: "a whole number from -9223372036854775808 to 9223372036854775807"
        deserialize_i128: "a whole number"
        deserialize_u8: "a whole number from 0 to 255"
        deserialize_u16: "a whole number from 0 to 65535"
        deserialize_u32: "a whole number from 0 to 4294967295"
        deserialize_u64: "a whole number from 0 to 18446744073709551615"
        deserialize_u128: "a whole number from 0"
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap::any(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap::any(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap::any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap::any(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, Wrap { visitor, expect: Expect::Struct(fields) })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap::any(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// What a visitor says it expects, as text.
struct Said<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Said<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

impl<'de, V: Visitor<'de>> Wrap<V> {
    /// What the visitor expects in the document's words, where serde's own words would
    /// name a Rust type; `None` where the visitor's words are already the document's.
    fn document_words(&self) -> Option<String> {
        if matches!(self.expect, Expect::Any | Expect::Text) {
            return None;
        }
        let said = Said(&self.visitor).to_string();
        match self.expect {
            Expect::Struct(fields) if said.starts_with("struct ") => Some(object_with(fields)),
            Expect::Integer(words) if PRIMITIVES.contains(&said.as_str()) => Some(words.to_owned()),
            Expect::Number if PRIMITIVES.contains(&said.as_str()) => Some("a number".to_owned()),
            Expect::Seq if said == "a sequence" => Some("a list".to_owned()),
            Expect::Map if said == "a map" => Some("an object".to_owned()),
            _ => None,
        }
    }

    /// Hands a scalar to the visitor; if the visitor refuses it in serde's words, the
    /// error is `fail` in the document's words instead.
    fn scalar<T: Clone, E: de::Error>(
        self,
        value: T,
        unexpected: impl FnOnce(&T) -> de::Unexpected<'_>,
        fail: fn(de::Unexpected<'_>, &dyn de::Expected) -> E,
        visit: impl FnOnce(V, T) -> Result<V::Value, E>,
    ) -> Result<V::Value, E> {
        match self.document_words() {
            None => visit(self.visitor, value),
            // Only reached where serde would name a Rust type, mostly on the way to an error.
            Some(words) => {
                let kept = value.clone();
                visit(self.visitor, value).map_err(|_| fail(unexpected(&kept), &words.as_str()))
            }
        }
    }
}

/// `an object with fields id, name, summary, ...`: the first few fields of a struct.
fn object_with(fields: &[&str]) -> String {
    const SHOWN: usize = 4;
    match fields {
        [] => "an object".to_owned(),
        _ => {
            let mut out =
                format!("an object with fields {}", fields.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", "));
            if fields.len() > SHOWN {
                out.push_str(", ...");
            }
            out
        }
    }
}

macro_rules! visit {
    ($($method:ident: $ty:ty => $unexpected:expr, $fail:ident;)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.scalar(v, $unexpected, E::$fail, |visitor, v| visitor.$method(v))
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.document_words() {
            Some(words) => f.write_str(&words),
            None => self.visitor.expecting(f),
        }
    }

    visit! {
        visit_bool: bool => |v: &bool| de::Unexpected::Bool(*v), invalid_type;
        visit_i8: i8 => |v: &i8| de::Unexpected::Signed(i64::from(*v)), invalid_value;
        visit_i16: i16 => |v: &i16| de::Unexpected::Signed(i64::from(*v)), invalid_value;
        visit_i32: i32 => |v: &i32| de::Unexpected::Signed(i64::from(*v)), invalid_value;
        visit_i64: i64 => |v: &i64| de::Unexpected::Signed(*v), invalid_value;
        visit_i128: i128 => |_: &i128| de::Unexpected::Other("a 128-bit integer"), invalid_value;
        visit_u8: u8 => |v: &u8| de::Unexpected::Unsigned(u64::from(*v)), invalid_value;
        visit_u16: u16 => |v: &u16| de::Unexpected::Unsigned(u64::from(*v)), invalid_value;
        visit_u32: u32 => |v: &u32| de::Unexpected::Unsigned(u64::from(*v)), invalid_value;
        visit_u64: u64 => |v: &u64| de::Unexpected::Unsigned(*v), invalid_value;
        visit_u128: u128 => |_: &u128| de::Unexpected::Other("a 128-bit integer"), invalid_value;
        visit_f32: f32 => |v: &f32| de::Unexpected::Float(f64::from(*v)), invalid_type;
        visit_char: char => |v: &char| de::Unexpected::Char(*v), invalid_type;
        visit_str: &str => |v: &&str| de::Unexpected::Str(v), invalid_type;
        visit_borrowed_str: &'de str => |v: &&'de str| de::Unexpected::Str(v), invalid_type;
        visit_string: String => |v: &String| de::Unexpected::Str(v), invalid_type;
        visit_bytes: &[u8] => |v: &&[u8]| de::Unexpected::Bytes(v), invalid_type;
        visit_borrowed_bytes: &'de [u8] => |v: &&'de [u8]| de::Unexpected::Bytes(v), invalid_type;
        visit_byte_buf: Vec<u8> => |v: &Vec<u8>| de::Unexpected::Bytes(v), invalid_type;
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        // 2^63 and 2^64, the first floats past i64 and u64.
        const I64_END: f64 = 9_223_372_036_854_775_808.0;
        const U64_END: f64 = 18_446_744_073_709_551_616.0;
        if matches!(self.expect, Expect::Integer(_)) && v.fract() == 0.0 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in range and whole
            if (0.0..U64_END).contains(&v) {
                return self.visit_u64(v as u64);
            } else if (-I64_END..0.0).contains(&v) {
                return self.visit_i64(v as i64);
            }
        }
        self.scalar(v, |v| de::Unexpected::Float(*v), E::invalid_type, |visitor, v| visitor.visit_f64(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.scalar((), |()| de::Unexpected::Option, E::invalid_type, |visitor, ()| visitor.visit_none())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Strict(d))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.scalar((), |()| de::Unexpected::Unit, E::invalid_type, |visitor, ()| visitor.visit_unit())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        match self.expect {
            Expect::Struct(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
            Expect::Any | Expect::Text | Expect::Seq => self.visitor.visit_seq(Seq(seq)),
            // A map or a number, which serde's visitors never read from a list.
            Expect::Map | Expect::Integer(_) | Expect::Number => match self.document_words() {
                Some(words) => Err(de::Error::invalid_type(de::Unexpected::Seq, &words.as_str())),
                None => self.visitor.visit_seq(Seq(seq)),
            },
        }
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        match self.expect {
            Expect::Any | Expect::Map | Expect::Struct(_) => self.visitor.visit_map(Map::new(map)),
            // Text, a list or a number, which serde's visitors never read from a map: the
            // `toml` crate hands a date-time over as a map, which would read as "invalid
            // type: map". Peeking at the first key costs its position in TOML's errors,
            // but these visitors refuse a map before reading any key.
            Expect::Text | Expect::Seq | Expect::Integer(_) | Expect::Number => {
                let mut map = Peeked::new(map);
                if map.peek()? == Some(TOML_DATETIME) {
                    return Err(de::Error::custom(
                        "a TOML date-time, which rolefit reads nowhere; put it in quotes if it is text",
                    ));
                }
                match self.document_words() {
                    Some(words) => Err(de::Error::invalid_type(de::Unexpected::Map, &words.as_str())),
                    None => self.visitor.visit_map(map),
                }
            }
        }
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(Enum(data))
    }
}

/// A seed that deserializes through [`Strict`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

struct Seq<A>(A);

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A map that refuses a key written twice, by name, whatever the map is read into.
///
/// Each key is read through the format's own key reader (so errors about it keep their
/// line and column), its text noted on the way past.
struct Map<A> {
    map: A,
    seen: HashSet<String>,
}

impl<A> Map<A> {
    fn new(map: A) -> Self {
        Self { map, seen: HashSet::new() }
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let mut text = None;
        let key = self.map.next_key_seed(Noted { seed, text: &mut text })?;
        if let Some(text) = text
            && let Some(again) = self.seen.replace(text)
        {
            return Err(de::Error::custom(format_args!("duplicate key `{again}`")));
        }
        Ok(key)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A map whose first key was read ahead, as text, to look at before the map is read.
struct Peeked<A> {
    map: A,
    first: Option<String>,
}

impl<'de, A: de::MapAccess<'de>> Peeked<A> {
    fn new(map: A) -> Self {
        Self { map, first: None }
    }

    fn peek(&mut self) -> Result<Option<&str>, A::Error> {
        if self.first.is_none() {
            self.first = self.map.next_key::<String>()?;
        }
        Ok(self.first.as_deref())
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Peeked<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => self.map.next_key_seed(Seed(seed)),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }
}

/// A key's seed that notes the key's text as it goes past.
struct Noted<'a, S> {
    seed: S,
    text: &'a mut Option<String>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Noted<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(NotedKey { de: Strict(d), text: self.text })
    }
}

/// A key's deserializer that notes the key's text as it goes past.
struct NotedKey<'a, D> {
    de: D,
    text: &'a mut Option<String>,
}

macro_rules! note {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method(NoteVisitor { visitor, text: self.text })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for NotedKey<'_, D> {
    type Error = D::Error;

    note! {
        deserialize_any deserialize_bool deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(name, NoteVisitor { visitor, text: self.text })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(name, NoteVisitor { visitor, text: self.text })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(len, NoteVisitor { visitor, text: self.text })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(name, len, NoteVisitor { visitor, text: self.text })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_struct(name, fields, NoteVisitor { visitor, text: self.text })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_enum(name, variants, NoteVisitor { visitor, text: self.text })
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! visit_forward {
    ($($method:ident: $ty:ty)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.visitor.$method(v)
            }
        )*
    };
}

/// A key's visitor that notes text keys (every key of a JSON or TOML document).
struct NoteVisitor<'a, V> {
    visitor: V,
    text: &'a mut Option<String>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for NoteVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.text = Some(v.to_owned());
        self.visitor.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.text = Some(v.to_owned());
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.text = Some(v.clone());
        self.visitor.visit_string(v)
    }

    visit_forward! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64 visit_i128: i128
        visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64 visit_u128: u128
        visit_f32: f32 visit_f64: f64 visit_char: char
        visit_bytes: &[u8] visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(d)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(d)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(map)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(data)
    }
}

struct Enum<A>(A);

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0.variant_seed(Seed(seed)).map(|(value, variant)| (value, Variant(variant)))
    }
}

struct Variant<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap { visitor, expect: Expect::Struct(fields) })
    }
}
