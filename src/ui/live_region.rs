//! The live region: what a screen reader hears about things that happen away from the focus.

use super::context::WidgetContext;
use super::template::{bind_text, build};
use crate::parts;
use leptos::prelude::*;
use web_sys::Node;

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

/// The polite status region every announcement goes to, into `parent`; its text is the latest one.
/// Returns the region (`None` when the browser refused to build it).
pub(crate) fn live_region(parent: &Node, context: WidgetContext) -> Option<Node> {
    let region = build(
        parent,
        &[(
            0,
            "p",
            &[
                ("role", "status"),
                ("class", "announcer"),
                ("part", parts::STATUS),
            ],
            "",
        )],
    );
    let [region] = region?.try_into().ok()?;
    bind_text(&region, context, |c| c.announcer.0.get());
    Some(region)
}
