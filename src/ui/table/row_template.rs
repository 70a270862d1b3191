//! The table row's DOM pieces, built once per language and cloned per row: a row costs a clone and a
//! value per cell rather than one wasm→JS call per element, attribute, text and insertion.

use crate::i18n::Lang;
use crate::model::{Column, Timestamp};
use crate::ui::format::DateFormatter;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

#[wasm_bindgen]
extern "C" {
    /// A node of a row, seen through the setters below.
    type RowNode;
    /// `node.textContent = text`.
    #[wasm_bindgen(method, setter = textContent)]
    fn set_text_content(this: &RowNode, text: &JsValue);
    /// `time.dateTime = iso`: the `datetime` attribute.
    #[wasm_bindgen(method, setter = dateTime)]
    fn set_date_time(this: &RowNode, iso: &JsValue);
    /// `template.content`: the fragment a `<template>` holds.
    #[wasm_bindgen(method, getter)]
    fn content(this: &RowNode) -> Node;
    /// `element.setAttribute(name, value)`, the browser turning `value` into text.
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &RowNode, name: &str, value: &JsValue);
}

/// `node.textContent = text`, with a string the browser made (a date, a span): it never crosses into the
/// wasm memory and back.
pub(crate) fn set_text(node: &Node, text: &JsValue) {
    node.unchecked_ref::<RowNode>().set_text_content(text);
}

/// `element.setAttribute(name, value)` with a value the browser writes as text (an order id).
pub(crate) fn set_attribute_value(element: &Node, name: &str, value: &JsValue) {
    element
        .unchecked_ref::<RowNode>()
        .set_attribute(name, value);
}

/// The pieces of a row in one language: the contents of [`PIECES`]' templates, in the order of [`Piece`],
/// and the row's own date formatters (dates and spans stay browser strings from `Intl` to the text node).
pub(crate) struct RowTemplate {
    pieces: Vec<Node>,
    pub dates: DateFormatter,
}

/// A piece of a row, by its place in [`PIECES`].
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Piece {
    /// The row's seven cells with their fixed attributes (roles, classes, `data-label`s).
    Cells,
    /// `<span class="cell-text">`: a text value.
    Text,
    /// The missing-value pairs (a dash for the eye, words for a screen reader), by their words.
    NotAvailable,
    MissingDate,
    NoEmail,
    Time,
    /// `<span class="relative">`: how far the expiry is from now.
    Relative,
    /// The expiry's word for an expired and an expiring-soon order.
    Expired,
    Expiring,
    /// The Send button (named per row) and its "sent at" note.
    Send,
    /// The row's details button (`aria-controls`, name and state set per row).
    DetailsToggle,
    /// The details region's list, a labelled value in it, and the value as text.
    List,
    Field,
    Value,
    /// The details' failure (its words set per failure) and Retry.
    Failure,
    /// The details' loading line.
    Loading,
}

/// The pieces as HTML, each a `<template>` whose content a row clones, in the order of [`Piece`]; the
/// words of the widget's language are written in by [`RowTemplate::build`]. The `part` names are those
/// of `crate::parts` (a test checks them).
const PIECES: &str = concat!(
    // A cell ends where the next begins: `</td>` is optional.
    "<template><th scope=row role=rowheader class=name><td role=cell><td role=cell><td role=cell>",
    "<td role=cell class=expires><td role=cell class=action><td role=cell class=details-cell></template>",
    "<template><span class=cell-text></span></template>",
    "<template><span aria-hidden=true>—</span><span class=visually-hidden></span></template>",
    "<template><span aria-hidden=true>—</span><span class=visually-hidden></span></template>",
    "<template><span aria-hidden=true>—</span><span class=visually-hidden></span></template>",
    "<template><time></time></template>",
    "<template><span class=relative></span></template>",
    r#"<template><strong class="expiry-status expired" part=expiry-status></strong></template>"#,
    r#"<template><strong class="expiry-status expiring" part=expiry-status></strong></template>"#,
    "<template><button type=button class=send part=send-button></button><span class=sent-note></span>",
    "</template><template><button type=button class=details-toggle part=details-button ",
    "aria-expanded=false></button></template>",
    "<template><dl></dl></template><template><div><dt></dt><dd></dd></div></template>",
    "<template><span></span></template>",
    "<template><p class=details-error></p><button type=button class=retry></button></template>",
    "<template><p class=details-loading><span class=spinner aria-hidden=true></span></p></template>",
);

thread_local! {
    /// One template per language in use, kept for the page's life: widgets of a language share it.
    static TEMPLATES: RefCell<Vec<(Lang, &'static RowTemplate)>> = const { RefCell::new(Vec::new()) };
}

impl RowTemplate {
    /// The template of `lang`, built the first time a row of that language is.
    pub fn of(lang: Lang) -> Option<&'static RowTemplate> {
        TEMPLATES.with_borrow_mut(|templates| {
            if let Some((_, template)) = templates.iter().find(|(l, _)| *l == lang) {
                return Some(*template);
            }
            let template: &'static RowTemplate = Box::leak(Box::new(RowTemplate::build(lang)?));
            templates.push((lang, template));
            Some(template)
        })
    }

    /// Parses [`PIECES`] and writes the words of `lang` into them.
    fn build(lang: Lang) -> Option<RowTemplate> {
        let t = lang.messages();
        let holder = web_sys::window()?
            .document()?
            .create_element("template")
            .ok()?;
        holder.set_inner_html(PIECES);
        let content = holder.unchecked_ref::<RowNode>().content();
        let pieces: Vec<Node> = std::iter::successors(content.first_child(), Node::next_sibling)
            .map(|piece| piece.unchecked_ref::<RowNode>().content())
            .collect();
        let mut cell = pieces.first()?.first_child();
        for column in [
            Column::CertificateType,
            Column::Status,
            Column::Ordered,
            Column::Expires,
        ] {
            cell = cell?.next_sibling();
            let label = t.column(column);
            cell.as_ref()?
                .unchecked_ref::<Element>()
                .set_attribute("data-label", label)
                .ok()?;
        }
        let words = [
            (Piece::NotAvailable, t.not_available),
            (Piece::MissingDate, t.missing_date),
            (Piece::NoEmail, t.no_email),
            (Piece::Expired, t.expired),
            (Piece::Expiring, t.expiring_soon),
            (Piece::Send, t.send),
            (Piece::DetailsToggle, t.details),
            (Piece::Failure, t.retry),
        ];
        for (piece, words) in words {
            // The words go into the piece's last element (a missing-value pair's hidden words), but for
            // Send's, which is the button before its note.
            let piece_node = pieces.get(piece as usize)?;
            let node = if piece == Piece::Send {
                piece_node.first_child()
            } else {
                piece_node.last_child()
            };
            node?.set_text_content(Some(words));
        }
        // The loading line's words follow its spinner.
        let loading = pieces.get(Piece::Loading as usize)?.first_child()?;
        loading
            .unchecked_ref::<Element>()
            .append_with_str_1(t.details_loading)
            .ok()?;
        Some(RowTemplate {
            pieces,
            dates: DateFormatter::new(lang),
        })
    }

    /// A fresh copy of `piece`: a fragment, to append.
    pub fn copy(&self, piece: Piece) -> Option<Node> {
        self.pieces
            .get(piece as usize)?
            .clone_node_with_deep(true)
            .ok()
    }

    /// A fresh copy of `piece`'s first element, to fill in.
    pub fn element(&self, piece: Piece) -> Option<Node> {
        self.copy(piece)?.first_child()
    }

    /// Puts a text value into `cell` as a table cell's text, or the missing-value pair `absent`.
    pub fn put_text(&self, cell: &Node, value: Option<&str>, absent: Piece) {
        self.put_value(cell, value, Piece::Text, absent);
    }

    /// Puts a text value into `parent` in a copy of `piece`, or the missing-value pair `absent`.
    pub fn put_value(&self, parent: &Node, value: Option<&str>, piece: Piece, absent: Piece) {
        let piece = match value {
            Some(value) => self
                .element(piece)
                .inspect(|span| span.set_text_content(Some(value))),
            None => self.copy(absent),
        };
        append(parent, piece);
    }

    /// Puts a date into `cell` as `<time>` in the widget's locale, or the missing-value pair `absent`.
    pub fn put_date(&self, cell: &Node, date: Option<Timestamp>, absent: Piece) {
        let piece = match date {
            Some(date) => self.element(Piece::Time).inspect(|time| {
                let date = js_sys::Date::new(&JsValue::from_f64(date.epoch_ms as f64));
                let time = time.unchecked_ref::<RowNode>();
                time.set_date_time(&date.to_iso_string());
                time.set_text_content(&self.dates.format_js(&date));
            }),
            None => self.copy(absent),
        };
        append(cell, piece);
    }
}

/// Appends `piece`, when there is one, to `parent`.
pub(crate) fn append(parent: &Node, piece: Option<Node>) {
    if let Some(piece) = piece {
        let _ = parent.append_child(&piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parts;

    #[test]
    fn the_pieces_carry_the_contracts_part_names_and_the_missing_values_dash() {
        for part in [
            parts::EXPIRY_STATUS,
            parts::SEND_BUTTON,
            parts::DETAILS_BUTTON,
        ] {
            assert!(PIECES.contains(&format!("part={part}")), "{part}");
        }
        let dash = format!(">{}<", Lang::En.messages().missing_value);
        assert_eq!(PIECES.matches(&dash).count(), 3);
    }

    #[test]
    fn there_is_one_template_per_piece() {
        assert_eq!(
            PIECES.matches("<template>").count(),
            Piece::Loading as usize + 1
        );
    }
}
