//! Reading one line of pair-mode input: its `id`, `left` and `right`, with the texts borrowed
//! from the line.
//!
//! Parsing a line into a `serde_json::Value` built a map of every field (SICK lines have nine)
//! and copied both texts out of it: a tenth of judging a SICK pair. This reads the fields in one
//! pass, keeps the texts where they are when they hold no escapes, and drops the other fields
//! as it goes. Every field's value is still parsed as a `Value`, so exactly the lines that were
//! rejected before are rejected, with the same message.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A line's `id` (any JSON value) and its two texts.
pub type PairLine<'a> = (Value, Cow<'a, str>, Cow<'a, str>);

/// The pair on a line, or why the line is not one: the message names the first problem in the
/// order `id`, `left`, `right`.
pub fn parse_line(text: &str) -> Result<PairLine<'_>, String> {
    let fields = serde_json::from_str::<Fields>(text).map_err(|e| format!("not JSON: {e}"))?;
    let Fields::Object { id, left, right } = fields else {
        return Err("not a JSON object".to_string());
    };
    let id = id.ok_or("no \"id\" field".to_string())?;
    let left = text_field(left, "left")?;
    let right = text_field(right, "right")?;
    Ok((id, left, right))
}

/// The text of the field `name`, or why it has none.
fn text_field<'a>(field: Option<Text<'a>>, name: &str) -> Result<Cow<'a, str>, String> {
    match field {
        Some(Text::Str(s)) => Ok(s),
        Some(Text::Other) => Err(format!("\"{name}\" is not a string")),
        None => Err(format!("no \"{name}\" field")),
    }
}

/// A line as far as pair mode reads it.
enum Fields<'a> {
    /// An object; of a field given twice, the last counts (as in a `Value`).
    Object {
        id: Option<Value>,
        left: Option<Text<'a>>,
        right: Option<Text<'a>>,
    },
    /// Any other JSON value.
    Other,
}

/// The value of a text field: a string, or something else (which makes the line bad).
enum Text<'a> {
    Str(Cow<'a, str>),
    Other,
}

impl<'de> de::Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldsVisitor)
    }
}

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// The fields pair mode reads, by name.
enum Key {
    Id,
    Left,
    Right,
    Ignored,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match name {
            "id" => Key::Id,
            "left" => Key::Left,
            "right" => Key::Right,
            _ => Key::Ignored,
        })
    }
}

struct FieldsVisitor;

/// Reads the remaining elements of a sequence as values, so that they are checked as a `Value`
/// would check them.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Value>()?.is_some() {}
    Ok(())
}

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let (mut id, mut left, mut right) = (None, None, None);
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Id => id = Some(map.next_value::<Value>()?),
                Key::Left => left = Some(map.next_value::<Text>()?),
                Key::Right => right = Some(map.next_value::<Text>()?),
                Key::Ignored => {
                    map.next_value::<Value>()?;
                }
            }
        }
        Ok(Fields::Object { id, left, right })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Fields<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(Fields::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Fields<'de>, E> {
        Ok(Fields::Other)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
        Ok(Text::Str(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
        Ok(Text::Str(Cow::Owned(text.to_string())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
        Ok(Text::Str(Cow::Owned(text)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text<'de>, A::Error> {
        while map.next_entry::<String, Value>()?.is_some() {}
        Ok(Text::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(Text::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text<'de>, E> {
        Ok(Text::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text<'de>, E> {
        Ok(Text::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text<'de>, E> {
        Ok(Text::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text<'de>, E> {
        Ok(Text::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text<'de>, E> {
        Ok(Text::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading pair mode had before: the line as a `Value`.
    fn as_value(text: &str) -> Result<(Value, String, String), String> {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let object = value.as_object().ok_or("not a JSON object".to_string())?;
        let field = |name: &str| -> Result<String, String> {
            match object.get(name) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(_) => Err(format!("\"{name}\" is not a string")),
                None => Err(format!("no \"{name}\" field")),
            }
        };
        let id = object
            .get("id")
            .cloned()
            .ok_or("no \"id\" field".to_string())?;
        Ok((id, field("left")?, field("right")?))
    }

    #[test]
    fn reads_lines_as_a_value_would() {
        for line in [
            r#"{"id": 1, "left": "a", "right": "b"}"#,
            r#"{"id": "x", "left": "caf\u00e9 \"quoted\"", "right": "b", "label": "neutral"}"#,
            r#"{"right": "b", "left": "a", "id": {"nested": [1, 2.5, null]}, "extra": [true]}"#,
            r#"{"id": 1, "left": "a", "right": "b", "left": "again"}"#,
            r#"{"id": 1, "l\u0065ft": "escaped key", "right": "b"}"#,
            r#"{"id": 1, "left": 5, "right": "b"}"#,
            r#"{"id": 1, "left": "a", "right": ["b"]}"#,
            r#"{"id": 1, "left": "a", "right": {"b": 1}}"#,
            r#"{"id": 1, "left": null, "right": "b"}"#,
            r#"{"left": "a", "right": "b"}"#,
            r#"{"id": 1, "right": "b"}"#,
            r#"{"id": 1, "left": "a"}"#,
            r#"{"id": 1, "left": "a", "right": "b", "x": 1e400}"#,
            r#"{"id": 1, "left": "a", "right": "b", "x": "\ud800"}"#,
            r#"{"id": 1, "left": "a", "right": "b"} trailing"#,
            r#"{"id": 1, "left": "a", "right": "b""#,
            r#"[1, 2, {"id": 1}]"#,
            r#"[1, 1e400]"#,
            r#""just a string""#,
            "42",
            "null",
            "not json",
            "",
        ] {
            let ours = parse_line(line).map(|(id, l, r)| (id, l.into_owned(), r.into_owned()));
            assert_eq!(ours, as_value(line), "{line}");
        }
    }

    #[test]
    fn texts_without_escapes_are_borrowed() {
        let (_, left, right) =
            parse_line(r#"{"id": 1, "left": "plain", "right": "a\nb"}"#).unwrap();
        assert!(matches!(left, Cow::Borrowed("plain")));
        assert!(matches!(right, Cow::Owned(_)));
    }
}
