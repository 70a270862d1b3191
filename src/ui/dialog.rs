//! The confirmation popup: which email goes to whom, Resend email and Cancel, and the failure with Retry.

use super::context::{use_widget, WidgetContext};
use super::template::{bind_attribute, bind_flag, bind_text, build, listen, set_attribute, Part};
use crate::a11y;
use crate::parts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, Node};

/// A modal `<dialog>` labelled by its title and described by its text (and by the error, when there is
/// one). Cancel has the focus; Tab stays between the two buttons. Its content is built by
/// [`dialog_content`].
#[component]
pub(crate) fn ConfirmDialog() -> impl IntoView {
    let context = use_widget();
    view! { <dialog node_ref=context.resend.dialog_ref part=parts::DIALOG use:dialog_content=context></dialog> }
}

/// The popup's content: its title, its text, the failure's alert, and Cancel and the confirm button
/// ([`confirm_button`]) with its spinner and its words.
const CONTENT: &[Part] = &[
    (0, "h2", &[("part", parts::DIALOG_TITLE)], ""),
    (0, "p", &[], ""),
    (
        0,
        "p",
        &[
            ("role", "alert"),
            ("class", "dialog-error"),
            ("part", parts::DIALOG_ERROR),
        ],
        "",
    ),
    (0, "div", &[("class", "dialog-actions")], ""),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("class", "cancel"),
            ("part", parts::CANCEL),
        ],
        "",
    ),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("class", "confirm"),
            ("part", parts::CONFIRM),
        ],
        "",
    ),
    (
        2,
        "span",
        &[("class", "spinner"), ("aria-hidden", "true")],
        "",
    ),
    (2, "", &[], ""),
];

/// Builds the popup's [`CONTENT`] into `dialog` (a `use:` directive of the dialog), gives the title, text
/// and alert their ids, and binds them to the popup's order and failure.
fn dialog_content(dialog: Element, context: WidgetContext) {
    let Some(nodes) = build(&dialog, CONTENT) else {
        return;
    };
    let [title, text, alert, _actions, cancel, confirm, spinner, label] = &nodes[..] else {
        return;
    };
    let title_id = context.id("dialog-title");
    set_attribute(title, "id", &title_id);
    set_attribute(text, "id", &context.id("dialog-desc"));
    set_attribute(alert, "id", &context.id("dialog-alert"));
    let dialog: &Node = &dialog;
    set_attribute(dialog, "aria-labelledby", &title_id);
    bind_attribute(dialog, "aria-describedby", context, |c| {
        let desc_id = c.id("dialog-desc");
        Some(if c.resend.has_error() {
            [desc_id, c.id("dialog-alert")].join(" ")
        } else {
            desc_id
        })
    });
    listen(dialog, "close", context, 0, |c, _, _| c.resend.closed());
    // Native modal dialogs let Tab leave for the browser chrome; wrap it between the two buttons instead.
    listen(dialog, "keydown", context, 0, |c, _, ev| {
        if let Some((first, last)) = c.resend.buttons() {
            a11y::wrap_tab(ev.unchecked_ref::<KeyboardEvent>(), &first, &last);
        }
    });
    bind_text(title, context, |c| {
        c.resend
            .with_target(|target| target.map(|target| c.t.dialog_title(target.email)))
            .unwrap_or_default()
    });
    bind_text(text, context, |c| {
        c.resend
            .with_target(|target| {
                target.map(|target| {
                    c.t.dialog_text(target.email, &target.common_name, &target.recipient)
                })
            })
            .unwrap_or_default()
    });
    bind_text(alert, context, |c| c.resend.error().unwrap_or_default());
    cancel.set_text_content(Some(context.t.cancel));
    listen(cancel, "click", context, 0, |c, _, _| c.resend.close());
    confirm_button(context, confirm, spinner, label);
}

/// "Resend email"; "Sending…" and busy while this order's send runs; "Retry" after a failure.
fn confirm_button(context: WidgetContext, button: &Node, spinner: &Node, label: &Node) {
    bind_attribute(button, "aria-busy", context, |c| {
        Some(if c.resend.busy() { "true" } else { "false" }.to_owned())
    });
    bind_attribute(button, "aria-disabled", context, |c| {
        c.resend.busy().then(|| "true".to_owned())
    });
    listen(button, "click", context, 0, |c, _, _| c.resend.confirm());
    bind_flag(spinner, "hidden", context, |c| !c.resend.busy());
    bind_text(label, context, |c| {
        if c.resend.busy() {
            c.t.sending
        } else if c.resend.has_error() {
            c.t.retry
        } else {
            c.t.resend_email
        }
        .to_owned()
    });
}
