//! The widget's parts in their order, built into the frame's root element by one `use:` directive.

use super::context::WidgetContext;
use super::dialog::confirm_dialog;
use super::live_region::live_region;
use super::states::list_body;
use super::toolbar::toolbar;
use web_sys::{Element, Node};

/// Builds the toolbar, the list's body (table and pager), the live region and the confirmation popup into
/// the widget's `root` (a `use:` directive of the frame's `<div>`). Their bindings and listeners belong to
/// the widget's owner and go with it on unmount.
pub(crate) fn widget_parts(root: Element, context: WidgetContext) {
    let root: &Node = &root;
    toolbar(root, context);
    // The list's body goes between the toolbar and the live region, whatever its state.
    if let Some(region) = live_region(root, context) {
        list_body(root, &region, context);
    }
    confirm_dialog(root, context);
}
