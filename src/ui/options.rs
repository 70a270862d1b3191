//! The `<option>`s of the widget's selects, kept from plain data by one binding for every such list.

use super::context::WidgetContext;
use super::template::{bind, build, set_attribute};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The values of a select's options, and the chosen one.
pub(super) type Choices = (Vec<String>, Option<String>);

/// Keeps the `<option>`s of `select` after its first `fixed` ones what `read` says: one per value, its
/// text the value itself; the one equal to the choice `selected`. A new list or choice updates the options
/// in place, so with the same values only `selected` moves.
pub(super) fn bind_options(
    select: &Node,
    fixed: usize,
    context: WidgetContext,
    read: fn(&WidgetContext) -> Choices,
) {
    let select = select.clone();
    bind(move || {
        let (values, chosen) = read(&context);
        let mut option = select.first_child();
        for _ in 0..fixed {
            option = option.and_then(|fixed| fixed.next_sibling());
        }
        for value in &values {
            let current = match option.take() {
                Some(current) => current,
                None => match build(&select, &[(0, "option", &[], "")])
                    .and_then(|made| made.into_iter().next())
                {
                    Some(new) => new,
                    None => return,
                },
            };
            let element = current.unchecked_ref::<Element>();
            if current.text_content().as_ref() != Some(value) {
                // Our own option and a fixed name: the calls cannot throw.
                set_attribute(&current, "value", value);
                current.set_text_content(Some(value));
            }
            let _ = element.toggle_attribute_with_force("selected", chosen.as_ref() == Some(value));
            option = current.next_sibling();
        }
        // Options past the list's end.
        while let Some(extra) = option {
            option = extra.next_sibling();
            extra.unchecked_ref::<Element>().remove();
        }
    });
}
