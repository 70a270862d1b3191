//! Keyboard and focus helpers the popup and the table share; they work inside a shadow root.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusEvent, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition,
};

/// The element that has focus in `node`'s tree: inside a shadow root `document.activeElement` is the host,
/// so the shadow root is asked instead.
fn focused_in_tree_of(node: &Element) -> Option<Element> {
    match node.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(root) => root.active_element(),
        Err(node) => node.owner_document().and_then(|d| d.active_element()),
    }
}

/// Keeps Tab and Shift+Tab between `first` and `last`. Native modal dialogs let Tab leave for the browser's
/// own controls; the WAI-ARIA dialog pattern wraps instead.
pub fn wrap_tab(ev: &KeyboardEvent, first: &HtmlElement, last: &HtmlElement) {
    if ev.key() != "Tab" {
        return;
    }
    let active = focused_in_tree_of(first);
    let is = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref::<Element>());
    if ev.shift_key() && is(first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Scrolls the control that just got focus into view inside a scrolling container. Browsers do not always
/// do it for a container that scrolls sideways (a narrow host, 200 % zoom), leaving a half-hidden button.
pub fn reveal_focused(ev: &FocusEvent) {
    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        options.set_inline(ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
