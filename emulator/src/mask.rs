//! Object masks: parse `mask[...]`, check them against the emulated types and apply them to JSON.

use serde_json::{Map, Value};

use crate::error::SlError;

/// Longest mask accepted, and deepest nesting; hostile input must not exhaust memory or the stack.
const MAX_MASK_LEN: usize = 16 * 1024;
const MAX_DEPTH: usize = 32;

/// A SoftLayer data type as far as masks are concerned: its local properties (returned by default)
/// and its relational ones (returned only when named).
#[derive(Debug)]
pub struct TypeDef {
    pub name: &'static str,
    pub locals: &'static [&'static str],
    pub relations: &'static [(&'static str, &'static TypeDef)],
}

impl TypeDef {
    fn relation(&self, name: &str) -> Option<&'static TypeDef> {
        self.relations
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
    }

    fn is_local(&self, name: &str) -> bool {
        self.locals.contains(&name)
    }
}

pub static ACCOUNT: TypeDef = TypeDef {
    name: "SoftLayer_Account",
    locals: &["id", "companyName", "email"],
    relations: &[],
};

pub static STATUS: TypeDef = TypeDef {
    name: "SoftLayer_Security_Certificate_Request_Status",
    locals: &["id", "name", "description"],
    relations: &[],
};

pub static ORDER_ITEM: TypeDef = TypeDef {
    name: "SoftLayer_Billing_Order_Item",
    locals: &[
        "id",
        "description",
        "itemId",
        "categoryCode",
        "oneTimeFee",
        "setupFee",
        "recurringFee",
    ],
    relations: &[],
};

pub static ORDER: TypeDef = TypeDef {
    name: "SoftLayer_Billing_Order",
    locals: &[
        "id",
        "createDate",
        "modifyDate",
        "orderApprovalDate",
        "status",
        "orderTotalAmount",
        "userRecordId",
    ],
    relations: &[],
};

pub static REQUEST: TypeDef = TypeDef {
    name: "SoftLayer_Security_Certificate_Request",
    locals: &[
        "id",
        "accountId",
        "commonName",
        "approverEmailAddress",
        "technicalContactEmailAddress",
        "certificateSigningRequest",
        "createDate",
        "modifyDate",
        "effectiveDate",
        "expirationDate",
        "statusId",
    ],
    relations: &[
        ("status", &STATUS),
        ("orderItem", &ORDER_ITEM),
        ("order", &ORDER),
        ("account", &ACCOUNT),
    ],
};

/// A parsed mask level: the properties named at that level, in order, duplicates merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mask {
    pub items: Vec<MaskItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskItem {
    pub name: String,
    /// `None` when the property was named without brackets (all its local properties).
    pub sub: Option<Mask>,
}

impl Mask {
    fn add(&mut self, item: MaskItem) {
        if let Some(existing) = self.items.iter_mut().find(|i| i.name == item.name) {
            // `status[id],status[name]` means `status[id,name]`.
            match (&mut existing.sub, item.sub) {
                (Some(a), Some(b)) => b.items.into_iter().for_each(|i| a.add(i)),
                (slot @ None, Some(b)) => *slot = Some(b),
                (_, None) => {}
            }
        } else {
            self.items.push(item);
        }
    }

    pub fn get(&self, name: &str) -> Option<&MaskItem> {
        self.items.iter().find(|i| i.name == name)
    }
}

fn parse_error() -> SlError {
    SlError::object_mask("Unable to parse object mask.")
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn name(&mut self) -> Result<String, SlError> {
        self.skip_ws();
        let start = self.pos;
        while self.pos < self.bytes.len()
            && (self.bytes[self.pos].is_ascii_alphanumeric() || self.bytes[self.pos] == b'_')
        {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(parse_error());
        }
        Ok(String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned())
    }

    /// `item := name ( "[" list "]" | "." item )?`
    fn item(&mut self, depth: usize) -> Result<MaskItem, SlError> {
        if depth > MAX_DEPTH {
            return Err(parse_error());
        }
        let name = self.name()?;
        let sub = if self.eat(b'[') {
            let list = self.list(depth + 1)?;
            if !self.eat(b']') {
                return Err(parse_error());
            }
            // `status[]` names the relation without choosing properties.
            (!list.items.is_empty()).then_some(list)
        } else if self.eat(b'.') {
            let mut m = Mask::default();
            m.add(self.item(depth + 1)?);
            Some(m)
        } else {
            None
        };
        Ok(MaskItem { name, sub })
    }

    /// `list := item ("," item)*`, tolerating empty entries such as a trailing comma.
    fn list(&mut self, depth: usize) -> Result<Mask, SlError> {
        let mut mask = Mask::default();
        loop {
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                }
                Some(b']') | None => return Ok(mask),
                Some(_) => {
                    mask.add(self.item(depth)?);
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') | None => return Ok(mask),
                        Some(_) => return Err(parse_error()),
                    }
                }
            }
        }
    }
}

/// Parses `mask[a,b[c]]`, `[a,b]`, `mask.a.b` or a bare `a,b` list.
pub fn parse(text: &str) -> Result<Mask, SlError> {
    if text.len() > MAX_MASK_LEN {
        return Err(parse_error());
    }
    let trimmed = text.trim();
    let mut p = Parser {
        bytes: trimmed.as_bytes(),
        pos: 0,
    };
    let rest = trimmed.strip_prefix("mask").unwrap_or(trimmed).trim_start();
    let mask = if rest.starts_with('[') {
        p.pos = trimmed.len() - rest.len() + 1;
        let m = p.list(1)?;
        if !p.eat(b']') {
            return Err(parse_error());
        }
        m
    } else if let Some(dotted) = rest.strip_prefix('.') {
        p.pos = trimmed.len() - dotted.len();
        let mut m = Mask::default();
        m.add(p.item(1)?);
        m
    } else {
        p.list(1)?
    };
    if p.peek().is_some() {
        return Err(parse_error());
    }
    Ok(mask)
}

/// Rejects property names the type does not have, as the API does before it fetches anything.
pub fn validate(mask: &Mask, ty: &TypeDef) -> Result<(), SlError> {
    for item in &mask.items {
        if let Some(rel) = ty.relation(&item.name) {
            if let Some(sub) = &item.sub {
                validate(sub, rel)?;
            }
        } else if !ty.is_local(&item.name) {
            return Err(SlError::object_mask(format!(
                "Property '{}' not valid for '{}'.",
                item.name, ty.name
            )));
        }
    }
    Ok(())
}

/// Applies a (validated) mask to one stored object:
/// no mask → every local property; a mask naming locals → only those; a mask naming only
/// relational properties → every local plus those. Relational properties appear only when named.
/// Properties missing from the data stay missing; whatever JSON is stored (even null or a wrong
/// type) is returned as-is, so hostile fixtures reach the client unchanged.
pub fn apply(obj: &Map<String, Value>, mask: Option<&Mask>, ty: &TypeDef) -> Map<String, Value> {
    let names_local = mask.is_some_and(|m| m.items.iter().any(|i| ty.is_local(&i.name)));
    let mut out = Map::new();
    for (key, value) in obj {
        if let Some(rel) = ty.relation(key) {
            if let Some(item) = mask.and_then(|m| m.get(key)) {
                out.insert(key.clone(), apply_value(value, item.sub.as_ref(), rel));
            }
        } else if !names_local || mask.is_some_and(|m| m.get(key).is_some()) {
            // Keys outside the schema (installed through the control API) count as local.
            out.insert(key.clone(), value.clone());
        }
    }
    out
}

fn apply_value(value: &Value, mask: Option<&Mask>, ty: &TypeDef) -> Value {
    match value {
        Value::Object(map) => Value::Object(apply(map, mask, ty)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| apply_value(v, mask, ty)).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn names(m: &Mask) -> Vec<&str> {
        m.items.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn parses_nested_mask_with_prefix() {
        let m = parse("mask[id,commonName,status[id,name],orderItem[description]]").expect("parse");
        assert_eq!(names(&m), ["id", "commonName", "status", "orderItem"]);
        let status = m.get("status").and_then(|i| i.sub.as_ref()).expect("sub");
        assert_eq!(names(status), ["id", "name"]);
    }

    #[test]
    fn parses_without_prefix_dotted_and_bare() {
        assert_eq!(
            names(&parse("[id, commonName]").expect("brackets")),
            ["id", "commonName"]
        );
        let dotted = parse("mask.status.name").expect("dotted");
        assert_eq!(names(&dotted), ["status"]);
        assert_eq!(
            names(&parse("id,statusId").expect("bare")),
            ["id", "statusId"]
        );
    }

    #[test]
    fn merges_duplicate_relations() {
        let m = parse("mask[status[id],status[name]]").expect("parse");
        let sub = m.get("status").and_then(|i| i.sub.as_ref()).expect("sub");
        assert_eq!(names(sub), ["id", "name"]);
    }

    #[test]
    fn rejects_broken_masks() {
        for bad in [
            "mask[id",
            "mask[id]]",
            "mask[id commonName]",
            "mask[[id]]",
            "mask[id,-x]",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let deep = format!("mask{}{}", "[a".repeat(100), "]".repeat(100));
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn validate_names_the_type_of_the_bad_property() {
        let err = validate(&parse("mask[status[colour]]").expect("parse"), &REQUEST)
            .expect_err("invalid");
        assert_eq!(
            err.message,
            "Property 'colour' not valid for 'SoftLayer_Security_Certificate_Request_Status'."
        );
    }

    #[test]
    fn relational_only_mask_keeps_all_locals() {
        let obj = json!({"id": 1, "commonName": "a", "status": {"id": 1, "name": "x"}});
        let Value::Object(obj) = obj else { return };
        let m = parse("mask[status[name]]").expect("parse");
        let out = Value::Object(apply(&obj, Some(&m), &REQUEST));
        assert_eq!(
            out,
            json!({"id": 1, "commonName": "a", "status": {"name": "x"}})
        );
        let none = Value::Object(apply(&obj, None, &REQUEST));
        assert_eq!(none, json!({"id": 1, "commonName": "a"}));
    }
}
