//! The confirmation popup: which email goes to whom, Resend email and Cancel, and the failure with Retry.

use super::context::WidgetContext;
use super::template::{bind_attribute, bind_flag, bind_text, build, listen, set_attribute, Part};
use crate::a11y;
use crate::parts;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, Node};

/// The popup's description: the `<dialog>`, its title, its text, the failure's alert, and Cancel and the
/// confirm button ([`confirm_button`]) with its spinner and its words.
const DIALOG: [Part; 9] = [
    (0, "dialog", &[("part", parts::DIALOG)], ""),
    (1, "h2", &[("part", parts::DIALOG_TITLE)], ""),
    (1, "p", &[], ""),
    (
        1,
        "p",
        &[
            ("role", "alert"),
            ("class", "dialog-error"),
            ("part", parts::DIALOG_ERROR),
        ],
        "",
    ),
    (1, "div", &[("class", "dialog-actions")], ""),
    (
        2,
        "button",
        &[
            ("type", "button"),
            ("class", "cancel"),
            ("part", parts::CANCEL),
        ],
        "",
    ),
    (
        2,
        "button",
        &[
            ("type", "button"),
            ("class", "confirm"),
            ("part", parts::CONFIRM),
        ],
        "",
    ),
    (
        3,
        "span",
        &[("class", "spinner"), ("aria-hidden", "true")],
        "",
    ),
    (3, "", &[], ""),
];

/// A modal `<dialog>` into `parent`, labelled by its title and described by its text (and by the error,
/// when there is one). Cancel has the focus; Tab stays between the two buttons. Built from [`DIALOG`],
/// given to the popup's node reference, its title, text and alert given their ids, and bound to the
/// popup's order and failure.
pub(crate) fn confirm_dialog(parent: &Node, context: WidgetContext) {
    let Some(nodes) = build(parent, &DIALOG) else {
        return;
    };
    let [dialog, title, text, alert, _actions, cancel, confirm, spinner, label] = &nodes[..] else {
        return;
    };
    context.resend.dialog_ref.load(dialog.unchecked_ref());
    let title_id = context.id("dialog-title");
    set_attribute(title, "id", &title_id);
    set_attribute(text, "id", &context.id("dialog-desc"));
    set_attribute(alert, "id", &context.id("dialog-alert"));
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
