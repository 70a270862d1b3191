//! Saving a file the widget made, through the browser: a `Blob`, an object URL and a download link.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlElement, Url};

/// How long the object URL outlives the click. Firefox reads a blob download after the click returns and
/// fails if the URL is already revoked (bugzilla 1282407); a second is ample and frees the file soon.
const REVOKE_AFTER_MS: i32 = 1_000;

/// Hands `bytes` to the browser as a download named `file_name`, of media type `media_type`: an
/// `<a download>` with an object URL, clicked, the URL revoked shortly after.
pub(crate) fn save(bytes: &[u8], media_type: &str, file_name: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlElement = document.create_element("a")?.unchecked_into();
    link.set_attribute("href", &url)?;
    link.set_attribute("download", file_name)?;
    link.click();
    // `setTimeout(URL.revokeObjectURL, ms, url)`: a static function needs no `this`, and no closure.
    let revoke = js_sys::Reflect::get(
        &js_sys::Reflect::get(&window, &"URL".into())?,
        &"revokeObjectURL".into(),
    )?;
    window.set_timeout_with_callback_and_timeout_and_arguments_1(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
        &url.into(),
    )?;
    Ok(())
}
