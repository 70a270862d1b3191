//! The confirmation popup: which email goes to whom, Resend email and Cancel, and the failure with Retry.

use super::context::{handler, reactive, use_widget};
use crate::a11y;
use crate::parts;
use leptos::prelude::*;

/// A modal `<dialog>` labelled by its title and described by its text (and by the error, when there is
/// one). Cancel has the focus; Tab stays between the two buttons.
#[component]
pub(crate) fn ConfirmDialog() -> impl IntoView {
    let context = use_widget();
    let resend = context.resend;
    let t = context.t;
    let (title_id, desc_id, alert_id) = (
        context.id("dialog-title"),
        context.id("dialog-desc"),
        context.id("dialog-alert"),
    );
    let title = reactive(context, 0, |c, _| {
        c.resend
            .with_target(|target| target.map(|target| c.t.dialog_title(target.email)))
    });
    let text = reactive(context, 0, |c, _| {
        c.resend.with_target(|target| {
            target.map(|target| {
                c.t.dialog_text(target.email, &target.common_name, &target.recipient)
            })
        })
    });
    let described_by = reactive(context, 0, |c, _| {
        let desc_id = c.id("dialog-desc");
        if c.resend.has_error() {
            format!("{desc_id} {}", c.id("dialog-alert"))
        } else {
            desc_id
        }
    });
    // Native modal dialogs let Tab leave for the browser chrome; wrap it between the two buttons instead.
    let keep_tab_inside = handler(context, 0, |c, _, ev: leptos::ev::KeyboardEvent| {
        if let Some((first, last)) = c.resend.buttons() {
            a11y::wrap_tab(&ev, &first, &last);
        }
    });
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=resend.dialog_ref part=parts::DIALOG aria-labelledby=labelled_by
            aria-describedby=described_by on:close=handler(context, 0, |c, _, _| c.resend.closed()) on:keydown=keep_tab_inside>
            <h2 id=title_id part=parts::DIALOG_TITLE>{title}</h2>
            <p id=desc_id>{text}</p>
            <p id=alert_id role="alert" class="dialog-error" part=parts::DIALOG_ERROR>{reactive(context, 0, |c, _| c.resend.error())}</p>
            <div class="dialog-actions">
                <button type="button" class="cancel" part=parts::CANCEL
                    on:click=handler(context, 0, |c, _, _| c.resend.close())>{t.cancel}</button>
                <ConfirmButton/>
            </div>
        </dialog>
    }
}

/// "Resend email"; "Sending…" and busy while this order's send runs; "Retry" after a failure.
#[component]
fn ConfirmButton() -> impl IntoView {
    let widget = use_widget();
    let label = reactive(widget, 0, |c, _| {
        if c.resend.busy() {
            c.t.sending
        } else if c.resend.has_error() {
            c.t.retry
        } else {
            c.t.resend_email
        }
    });
    view! {
        <button type="button" class="confirm" part=parts::CONFIRM
            aria-busy=reactive(widget, 0, |c, _| if c.resend.busy() { "true" } else { "false" })
            aria-disabled=reactive(widget, 0, |c, _| c.resend.busy().then_some("true"))
            on:click=handler(widget, 0, |c, _, _| c.resend.confirm())>
            <span class="spinner" aria-hidden="true" hidden=reactive(widget, 0, |c, _| !c.resend.busy())></span>
            {label}
        </button>
    }
}
