//! The list's body for each state: loading, the error with Retry, the empty account, or table and pager.

use super::context::WidgetContext;
use super::pager::pager;
use super::table::orders_table;
use super::template::{bind, build, listen, Part};
use super::use_order_list::ListState;
use crate::api::ApiError;
use crate::parts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// Shows what the list's state calls for in `parent`, before `next` (the part after the body). Only a new
/// state of the list rebuilds it, not a change of rows: sorting, filtering and paging change rows inside
/// the table.
pub(crate) fn list_body(parent: &Node, next: &Node, context: WidgetContext) {
    let Some(document) = parent.owner_document() else {
        return;
    };
    let (parent, next) = (parent.clone(), next.clone());
    // The state shown and its nodes. Their bindings and listeners belong to this binding's own owner, which
    // Leptos cleans before every run: each body starts afresh and nothing of an earlier one stays behind.
    let mut shown: Option<(&'static str, Vec<Node>)> = None;
    bind(move || {
        let state = context.list.state();
        let name = state.name();
        // Every new list is a new table (its rows are keyed by their place in the loaded list); only a
        // load started while one was on its way leaves the body as it is (the loading body binds nothing).
        if shown
            .as_ref()
            .is_some_and(|(shown, _)| *shown == name && name == "loading")
        {
            return;
        }
        // A failure told again (Retry while the credentials are still withdrawn: no loading in between)
        // rebuilds the same body; its Retry keeps the focus the old one had.
        let mut keep_focus = false;
        if let Some((shown, nodes)) = shown.take() {
            for node in nodes {
                let element = node.unchecked_ref::<Element>();
                keep_focus |= shown == name && element.matches(":focus-within").unwrap_or(false);
                element.remove();
            }
        }
        let body = document.create_document_fragment();
        untrack(|| match state {
            ListState::Loading => loading_state(&body, context),
            ListState::Failed(error) => error_state(&body, context, &error),
            ListState::Ready(orders) if orders.is_empty() => empty_state(&body, context),
            ListState::Ready(_) => {
                orders_table(&body, context);
                pager(&body, context);
            }
        });
        let nodes: Vec<Node> = {
            let nodes = body.child_nodes();
            (0..nodes.length()).filter_map(|at| nodes.get(at)).collect()
        };
        // The body is the widget's own fragment and `next` a child of `parent`: this cannot throw.
        let _ = parent.insert_before(&body, Some(&next));
        if keep_focus {
            let retry = nodes.iter().find_map(|node| {
                node.unchecked_ref::<Element>()
                    .query_selector(".retry")
                    .ok()
                    .flatten()
            });
            if let Some(retry) = retry {
                let _ = retry.unchecked_ref::<HtmlElement>().focus();
            }
        }
        shown = Some((name, nodes));
    });
}

/// While the list is on its way: a spinner and the words.
fn loading_state(parent: &Node, context: WidgetContext) {
    let nodes = build(
        parent,
        &[
            (
                0,
                "div",
                &[("class", "state loading"), ("part", parts::STATE)],
                "",
            ),
            (
                1,
                "span",
                &[("class", "spinner"), ("aria-hidden", "true")],
                "",
            ),
            (1, "", &[], ""),
        ],
    );
    if let Some([_, _, words]) = nodes.as_deref() {
        words.set_text_content(Some(context.t.loading));
    }
}

/// Why the list could not be loaded (`error`), in an alert, with Retry.
fn error_state(parent: &Node, context: WidgetContext, error: &ApiError) {
    const ERROR: [Part; 6] = [
        (
            0,
            "div",
            &[("class", "state error"), ("part", parts::STATE)],
            "",
        ),
        (1, "p", &[("role", "alert")], ""),
        (2, "strong", &[], ""),
        (2, "", &[], " "),
        (2, "span", &[("class", "api-message")], ""),
        (1, "button", &[("type", "button"), ("class", "retry")], ""),
    ];
    let t = context.t;
    let Some(nodes) = build(parent, &ERROR) else {
        return;
    };
    let [_, _, failed, _, message, retry] = &nodes[..] else {
        return;
    };
    failed.set_text_content(Some(t.load_failed));
    message.set_text_content(Some(&t.explain(error)));
    retry.set_text_content(Some(t.retry));
    listen(retry, "click", context, 0, |c, _, _| c.list.reload());
}

/// The account has no orders at all (not: the filters leave none).
fn empty_state(parent: &Node, context: WidgetContext) {
    let nodes = build(
        parent,
        &[
            (
                0,
                "div",
                &[("class", "state empty"), ("part", parts::STATE)],
                "",
            ),
            (1, "p", &[], ""),
        ],
    );
    if let Some([_, words]) = nodes.as_deref() {
        words.set_text_content(Some(context.t.empty));
    }
}
