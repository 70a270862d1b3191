//! The live region: what a screen reader hears about things that happen away from the focus.

use super::context::{use_widget, WidgetContext};
use super::template::bind_text;
use crate::parts;
use leptos::prelude::*;
use web_sys::Element;

/// Says a sentence in the widget's live region.
#[derive(Clone, Copy)]
pub(crate) struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn new() -> Announcer {
        Announcer(RwSignal::new(String::new()))
    }

    /// Screen readers stay silent when a live region's text does not change, so a repeated message (the
    /// same order resent twice) alternates a trailing no-break space to be read again. Safe after unmount.
    pub fn announce(&self, text: String) {
        let _ = self.0.try_update(|current| {
            *current = if current.trim_end_matches('\u{a0}') == text && !current.ends_with('\u{a0}')
            {
                format!("{text}\u{a0}")
            } else {
                text
            };
        });
    }
}

/// The polite status region every announcement goes to; its text is bound by [`announcements`].
#[component]
pub(crate) fn LiveRegion() -> impl IntoView {
    let widget = use_widget();
    view! { <p role="status" class="announcer" part=parts::STATUS use:announcements=widget></p> }
}

/// Keeps the live region's text the latest announcement (a `use:` directive of the region).
fn announcements(region: Element, context: WidgetContext) {
    bind_text(&region, context, |c| c.announcer.0.get());
}
