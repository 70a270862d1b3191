//! Dates and times through the browser's `Intl`, in the widget's locale.

use crate::expiry::RelativeSpan;
use crate::i18n::Lang;
use crate::model::Timestamp;
use wasm_bindgen::JsValue;

/// Formats API dates in the widget's locale and the reader's time zone, and spans of time ("in 12 days").
/// One `Intl` formatter of each kind per language, the row template's (`table::row_template`), which the
/// table and the details share: building one per call costs about fifty times more than formatting with it.
pub(crate) struct DateFormatter(js_sys::Function, js_sys::Intl::RelativeTimeFormat);

impl DateFormatter {
    pub fn new(lang: Lang) -> DateFormatter {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let locales = js_sys::Array::of1(&lang.tag().into());
        DateFormatter(
            js_sys::Intl::DateTimeFormat::new(&locales, &options).format(),
            js_sys::Intl::RelativeTimeFormat::new(&locales, &js_sys::Object::new()),
        )
    }

    /// "in 12 days", "3 years ago", in the widget's locale, as the browser's string (for a text node).
    pub fn relative_js(&self, span: RelativeSpan) -> js_sys::JsString {
        self.1.format(span.value(), span.unit)
    }

    /// A date in the widget's locale and the reader's time zone, as Rust text.
    pub fn format(&self, date: Timestamp) -> String {
        self.format_js(&js_date(date))
            .as_string()
            .unwrap_or_default()
    }

    /// A date in the widget's locale as the browser's string, for a text node (`null` if `Intl` failed).
    pub fn format_js(&self, date: &js_sys::Date) -> JsValue {
        self.0
            .call1(&JsValue::UNDEFINED, date)
            .unwrap_or(JsValue::NULL)
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `new Date(epochMs)` in one call: js-sys's `Date::new` takes the number boxed as a `JsValue` first.
    #[wasm_bindgen(extends = js_sys::Date, js_name = Date)]
    type EpochDate;
    #[wasm_bindgen(constructor, js_class = Date)]
    fn new(epoch_ms: f64) -> EpochDate;
}

/// `date` as a JS `Date`: the table's, the details' and the time zone's one way to make one.
pub(crate) fn js_date(date: Timestamp) -> js_sys::Date {
    EpochDate::new(date.epoch_ms as f64).into()
}

/// `date` with the offset of the reader's time zone at that moment (for the calendar day the table shows).
pub(crate) fn in_reader_zone(date: Timestamp) -> Timestamp {
    Timestamp {
        epoch_ms: date.epoch_ms,
        offset_minutes: -(js_date(date).get_timezone_offset() as i32),
    }
}

/// Now, as an ISO 8601 UTC string (event details).
pub(crate) fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Hours and minutes now, in the widget's locale ("sent at 14:05").
pub(crate) fn clock_now(lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new_0()
        .to_locale_time_string_with_options(lang.tag(), &options)
        .into()
}
