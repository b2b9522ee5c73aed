//! The rules every text in a record obeys, stated in the JSON Schema as well.
//!
//! Validation refuses a blank text (only Unicode `White_Space`, as `str::trim` sees it)
//! and one longer than [`TEXT_MAX_LEN`] bytes. The schema says the same with a pattern
//! and `maxLength`; `maxLength` counts characters, not bytes, so a long text of
//! multi-byte characters is refused by the loader alone.

use schemars::Schema;

/// The longest text a catalog field may hold, in bytes.
pub const TEXT_MAX_LEN: usize = 10_000;

/// At least one character outside Unicode `White_Space` (the characters `str::trim` removes).
pub(crate) const NOT_BLANK: &str = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// Adds the text rules to every text property of a record's schema (a string, an
/// optional string, or a list of strings) that has no pattern of its own.
pub(crate) fn texts(schema: &mut Schema) {
    let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) else { return };
    for property in properties.values_mut() {
        let Ok(property) = <&mut Schema>::try_from(property) else { continue };
        let text = if type_is(property, "array") {
            property.get_mut("items").and_then(|items| <&mut Schema>::try_from(items).ok())
        } else {
            Some(property)
        };
        if let Some(text) = text
            && type_is(text, "string")
            && text.get("pattern").is_none()
        {
            text.insert("pattern".into(), NOT_BLANK.into());
            text.insert("maxLength".into(), TEXT_MAX_LEN.into());
        }
    }
}

/// The schema's `type` is `name`, or a list of types that includes it.
fn type_is(schema: &Schema, name: &str) -> bool {
    schema.get("type").is_some_and(|t| {
        t.as_str() == Some(name) || t.as_array().is_some_and(|types| types.iter().any(|t| t.as_str() == Some(name)))
    })
}
