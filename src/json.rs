//! A read-only view of parsed JSON: the browser's `JSON.parse` in the bundle, serde_json in native tests.
//!
//! The decoders (orders, API answers, the host's configuration) are written once against [`Json`], whose
//! accessors are named as on serde_json's `Value`. In the browser the text is parsed by the platform and
//! read through `Reflect`, so the bundle carries no JSON parser of its own; native builds (the unit tests)
//! implement the same view for `serde_json::Value`.

/// Read access to one parsed JSON value.
pub trait Json: Sized {
    /// Parses JSON text; the error is the parser's message.
    fn parse(text: &str) -> Result<Self, String>;
    /// The value of `key` when this is an object (not an array) that has it, also when that value is `null`.
    fn get(&self, key: &str) -> Option<Self>;
    /// The text, when this is a string.
    fn as_str(&self) -> Option<String>;
    /// A whole number from 0 to 2^53 - 1, the integers a JavaScript number holds exactly: a larger one is
    /// rounded by `JSON.parse`, so it is no number here, in either build.
    fn as_u64(&self) -> Option<u64>;
    /// The number, when this is one.
    fn as_f64(&self) -> Option<f64>;
    /// The boolean, when this is one.
    fn as_bool(&self) -> Option<bool>;
    /// Whether this is `null`.
    fn is_null(&self) -> bool;
    /// Whether this is a string.
    fn is_string(&self) -> bool;
    /// The elements, when this is an array.
    fn as_array(&self) -> Option<Vec<Self>>;
    /// The keys in their order, when this is an object (not an array).
    fn keys(&self) -> Option<Vec<String>>;
}

/// The largest whole number a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The view the bundle reads: values made by the browser's `JSON.parse`.
#[cfg(target_arch = "wasm32")]
pub type Parsed = JsJson;

/// The view native builds read: serde_json's `Value`.
#[cfg(not(target_arch = "wasm32"))]
pub type Parsed = serde_json::Value;

/// Also in the wasm build of the unit tests, which state their cases with `serde_json::json!`.
#[cfg(any(test, not(target_arch = "wasm32")))]
impl Json for serde_json::Value {
    fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }

    fn as_str(&self) -> Option<String> {
        serde_json::Value::as_str(self).map(str::to_owned)
    }

    fn as_u64(&self) -> Option<u64> {
        serde_json::Value::as_u64(self).filter(|n| *n <= MAX_SAFE_INTEGER)
    }

    fn as_f64(&self) -> Option<f64> {
        serde_json::Value::as_f64(self)
    }

    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }

    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }

    fn is_string(&self) -> bool {
        serde_json::Value::is_string(self)
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        serde_json::Value::as_array(self).cloned()
    }

    fn keys(&self) -> Option<Vec<String>> {
        Some(self.as_object()?.keys().cloned().collect())
    }
}

/// An answer's body as `fetch` gave it: in the bundle the browser's own string, parsed where it is
/// ([`parse_body`]) and never copied into the wasm memory and back (a 10k-order list is megabytes of text);
/// in native builds (the unit tests) Rust text.
#[cfg(target_arch = "wasm32")]
pub type BodyText = js_sys::JsString;

/// An answer's body as the native builds (the unit tests) state it.
#[cfg(not(target_arch = "wasm32"))]
pub type BodyText = String;

/// Parses an answer's body; the error is the parser's message.
pub fn parse_body(body: &BodyText) -> Result<Parsed, String> {
    #[cfg(target_arch = "wasm32")]
    return json_parse(body).map(JsJson).map_err(|e| parse_error(&e));
    #[cfg(not(target_arch = "wasm32"))]
    Parsed::parse(body)
}

/// Whether a body is empty or only white space (a blank error page).
pub fn is_blank(body: &BodyText) -> bool {
    #[cfg(target_arch = "wasm32")]
    return body.trim().length() == 0;
    #[cfg(not(target_arch = "wasm32"))]
    body.trim().is_empty()
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)` on a JavaScript string (js-sys's takes Rust text, which would be copied out).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// `JSON.parse`'s complaint, as text.
#[cfg(target_arch = "wasm32")]
fn parse_error(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// A value made by the browser's `JSON.parse` (or any plain JavaScript value), read through `Reflect`.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Debug)]
pub struct JsJson(pub wasm_bindgen::JsValue);

#[cfg(target_arch = "wasm32")]
impl JsJson {
    /// The object, when this is one and not an array.
    fn object(&self) -> Option<&js_sys::Object> {
        use wasm_bindgen::JsCast;
        if js_sys::Array::is_array(&self.0) {
            return None;
        }
        self.0.dyn_ref::<js_sys::Object>()
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The keys asked for so far, as JavaScript strings: a decoder asks for the same few names on every
    /// element of a list, and making a JavaScript string from Rust text costs a `TextDecoder` call each time.
    static KEYS: std::cell::RefCell<Vec<(String, wasm_bindgen::JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `key` as a JavaScript string, from [`KEYS`] when it was asked for before (up to 64 distinct keys).
#[cfg(target_arch = "wasm32")]
fn js_key(key: &str) -> wasm_bindgen::JsValue {
    KEYS.with_borrow_mut(|keys| {
        if let Some((_, js)) = keys.iter().find(|(k, _)| k == key) {
            return js.clone();
        }
        let js = wasm_bindgen::JsValue::from_str(key);
        if keys.len() < 64 {
            keys.push((key.to_owned(), js.clone()));
        }
        js
    })
}

#[cfg(target_arch = "wasm32")]
impl Json for JsJson {
    fn parse(text: &str) -> Result<Self, String> {
        js_sys::JSON::parse(text)
            .map(JsJson)
            .map_err(|e| parse_error(&e))
    }

    fn get(&self, key: &str) -> Option<Self> {
        let object = self.object()?;
        let key = js_key(key);
        // Own properties only: `constructor` or `toString` of a plain object are not in its JSON.
        if !js_sys::Object::has_own(object, &key) {
            return None;
        }
        js_sys::Reflect::get(object, &key).ok().map(JsJson)
    }

    fn as_str(&self) -> Option<String> {
        self.0.as_string()
    }

    fn as_u64(&self) -> Option<u64> {
        let n = self.0.as_f64()?;
        let whole = n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER as f64).contains(&n);
        whole.then_some(n as u64)
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn is_null(&self) -> bool {
        self.0.is_null()
    }

    fn is_string(&self) -> bool {
        self.0.is_string()
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        use wasm_bindgen::JsCast;
        let array = self.0.dyn_ref::<js_sys::Array>()?;
        Some(array.iter().map(JsJson).collect())
    }

    fn keys(&self) -> Option<Vec<String>> {
        let keys = js_sys::Object::keys(self.object()?);
        Some(keys.iter().filter_map(|k| k.as_string()).collect())
    }
}

#[cfg(test)]
mod tests {
    //! The accessors by their path: natively `Parsed` is serde_json's `Value`, whose own methods of the same
    //! names would be picked first.
    use super::*;

    fn parse(text: &str) -> Parsed {
        Json::parse(text).unwrap()
    }

    #[test]
    fn whole_numbers_beyond_exact_javascript_numbers_are_no_numbers() {
        let n = |text: &str| Json::as_u64(&parse(text));
        assert_eq!(n("9007199254740991"), Some(MAX_SAFE_INTEGER));
        assert_eq!(n("9007199254740992"), None);
        assert_eq!(
            (n("0"), n("-1"), n("1.5"), n("\"7\"")),
            (Some(0), None, None, None)
        );
    }

    #[test]
    fn get_reads_objects_only_and_keeps_present_nulls() {
        let v = parse(r#"{"a":null,"b":[1,2]}"#);
        assert!(Json::get(&v, "a").is_some_and(|a| Json::is_null(&a)));
        assert!(Json::get(&v, "c").is_none());
        let b = Json::get(&v, "b").unwrap();
        assert_eq!(Json::as_array(&b).map(|items| items.len()), Some(2));
        assert!(Json::get(&b, "0").is_none() && Json::keys(&b).is_none());
        assert_eq!(Json::keys(&v), Some(vec!["a".to_owned(), "b".to_owned()]));
    }

    #[test]
    fn malformed_text_is_an_error() {
        for text in ["", "{", "tru", "[1,]", "{\"a\": oops}"] {
            assert!(<Parsed as Json>::parse(text).is_err(), "{text:?}");
        }
    }
}
