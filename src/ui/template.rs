//! The parts' DOM built from static descriptions, and their changing values bound by plain functions.
//!
//! One builder and one binding per value type serve every part, rather than a view type (and its code)
//! per part.

use super::context::WidgetContext;
use crate::guards::Listener;
use leptos::prelude::*;
use std::any::Any;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, Node};

/// A node of a part: its depth (0: a child of the parent it is built into, 1: a child of the latest
/// depth-0 element…), its tag, attributes and text. An empty tag makes a text node of the text. Static
/// data: the words of the widget's language and the instance's ids are set after building.
pub(crate) type Part = (
    u8,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

// The DOM calls the parts and the rows make, bound here rather than through web-sys where that saves a
// call or a conversion per use: setters that take the browser's own strings and, for calls that cannot
// throw here (our own tags and attribute names, fresh nodes), no exception wrapper.
#[wasm_bindgen]
extern "C" {
    /// A node of a built part, or its document, seen through the DOM calls below.
    pub(crate) type DomCalls;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_str(this: &DomCalls, name: &str, value: &str);
    /// `element.setAttribute(name, value)`, the browser turning `value` into text.
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_js(this: &DomCalls, name: &str, value: &JsValue);
    /// `document.createElement(tag)`, for tags of ours, which it does not refuse.
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &DomCalls, tag: &str) -> Node;
    /// `document.createDocumentFragment()`.
    #[wasm_bindgen(method, js_name = createDocumentFragment)]
    pub(crate) fn create_document_fragment(this: &DomCalls) -> Node;
    /// `node.textContent = text`.
    #[wasm_bindgen(method, setter = textContent)]
    fn set_text_content(this: &DomCalls, text: &JsValue);
    /// `time.dateTime = iso`: the `datetime` attribute.
    #[wasm_bindgen(method, setter = dateTime)]
    pub(crate) fn set_date_time(this: &DomCalls, iso: &JsValue);
    #[wasm_bindgen(method, js_name = cloneNode)]
    pub(crate) fn clone_node(this: &DomCalls, deep: bool) -> Node;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &DomCalls, child: &Node);
    #[wasm_bindgen(method, js_name = insertBefore)]
    fn insert_before_js(this: &DomCalls, child: &Node, before: Option<&Node>);
}

/// `element.setAttribute(name, value)` on a built element: `name` is one of ours, so it cannot throw,
/// and no exception wrapper is bound for it.
pub(crate) fn set_attribute(element: &Node, name: &str, value: &str) {
    element
        .unchecked_ref::<DomCalls>()
        .set_attribute_str(name, value);
}

/// `element.setAttribute(name, value)` with a value the browser writes as text (an order id).
pub(crate) fn set_attribute_value(element: &Node, name: &str, value: &JsValue) {
    element
        .unchecked_ref::<DomCalls>()
        .set_attribute_js(name, value);
}

/// `node.textContent = text`, with a string the browser made (a date, a span): it never crosses into the
/// wasm memory and back.
pub(crate) fn set_text(node: &Node, text: &JsValue) {
    node.unchecked_ref::<DomCalls>().set_text_content(text);
}

/// `parent.insertBefore(child, before)`: `before` one of `parent`'s children, or none for the end.
pub(crate) fn insert_before(parent: &Node, child: &Node, before: Option<&Node>) {
    parent
        .unchecked_ref::<DomCalls>()
        .insert_before_js(child, before);
}

/// Appends `piece`, when there is one, to `parent`.
pub(crate) fn append(parent: &Node, piece: Option<Node>) {
    if let Some(piece) = piece {
        parent.unchecked_ref::<DomCalls>().append_child(&piece);
    }
}

/// Builds `parts` into `parent` (an element or a fragment) with DOM calls, never from HTML, which a page
/// enforcing Trusted Types refuses; returns the nodes made, in document order. A part's description is an
/// array (`[Part; 16]`), so its length is written in its type, for the pattern that names its nodes.
/// `None` when the browser refused a call (no document; a node where it cannot go, which ours do not).
pub(crate) fn build(parent: &Node, parts: &[Part]) -> Option<Vec<Node>> {
    let document = parent.owner_document()?;
    // The node at each depth so far: the parent, then the latest element of each depth.
    let mut parents = vec![parent.clone()];
    let mut made = Vec::with_capacity(parts.len());
    for (depth, tag, attributes, text) in parts {
        let node: Node = if tag.is_empty() {
            document.create_text_node(text).into()
        } else {
            let element = document.unchecked_ref::<DomCalls>().create_element(tag);
            for (name, value) in *attributes {
                set_attribute(&element, name, value);
            }
            if !text.is_empty() {
                element.set_text_content(Some(text));
            }
            element
        };
        parents.truncate(usize::from(*depth) + 1);
        parents.last()?.append_child(&node).ok()?;
        parents.push(node.clone());
        made.push(node);
    }
    Some(made)
}

/// Runs `update` now and again whenever what it read changes, as long as the current owner (the part's),
/// so it stops when the part goes: a binding of a part's own kind of value. Every binding is this one effect
/// type, so its code is in the bundle once.
pub(crate) fn bind(mut update: impl FnMut() + 'static) {
    keep(Box::new(RenderEffect::new(move |_: Option<()>| update())));
}

/// Keeps `value` (a binding's effect, a listener) as long as the current owner, and drops it with the
/// owner: one stored type for all of them.
fn keep(value: Box<dyn Any>) {
    StoredValue::new_local(value);
}

/// Keeps `node`'s text what `read` says.
pub(crate) fn bind_text(node: &Node, context: WidgetContext, read: fn(&WidgetContext) -> String) {
    let node = node.clone();
    let mut shown = None;
    bind(move || {
        let text = Some(read(&context));
        if text != shown {
            node.set_text_content(text.as_deref());
            shown = text;
        }
    });
}

/// Keeps the attribute `name` of `element` what `read` says, or removes it for `None`.
pub(crate) fn bind_attribute(
    element: &Node,
    name: &'static str,
    context: WidgetContext,
    read: fn(&WidgetContext) -> Option<String>,
) {
    let element = element.clone().unchecked_into::<Element>();
    let mut shown = None;
    bind(move || {
        let value = Some(read(&context));
        if value != shown {
            match value.as_ref().and_then(Option::as_ref) {
                Some(value) => set_attribute(&element, name, value),
                // Our own element and name: it cannot throw.
                None => drop(element.remove_attribute(name)),
            }
            shown = value;
        }
    });
}

/// Keeps the boolean attribute `name` of `element` (`disabled`, `hidden`, `selected`) present while
/// `read` says so.
pub(crate) fn bind_flag(
    element: &Node,
    name: &'static str,
    context: WidgetContext,
    read: fn(&WidgetContext) -> bool,
) {
    let element = element.clone().unchecked_into::<Element>();
    let mut shown = None;
    bind(move || {
        let on = read(&context);
        if shown != Some(on) {
            // Our own element and name: it cannot throw.
            let _ = element.toggle_attribute_with_force(name, on);
            shown = Some(on);
        }
    });
}

/// Keeps the `value` property of `input` (what it holds, not its attribute) what `read` says.
pub(crate) fn bind_value(input: &Node, context: WidgetContext, read: fn(&WidgetContext) -> String) {
    let input = input.clone().unchecked_into::<HtmlInputElement>();
    let mut shown = None;
    bind(move || {
        let value = Some(read(&context));
        if value != shown {
            input.set_value(value.as_deref().unwrap_or_default());
            shown = value;
        }
    });
}

/// Calls `handle` with `key` (an order id, a column's position; 0 when it is about the whole widget) on
/// every `event` at `node`, as long as the current owner. Every listener is the same closure type, so its
/// code is in the bundle once.
pub(crate) fn listen(
    node: &Node,
    event: &'static str,
    context: WidgetContext,
    key: u64,
    handle: fn(&WidgetContext, u64, Event),
) {
    let listener = Listener::new(node.unchecked_ref(), event, move |ev| {
        handle(&context, key, ev)
    });
    keep(Box::new(listener));
}
