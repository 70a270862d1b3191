//! The table row's DOM pieces, built once per language and cloned per row: a row costs a clone and a
//! value per cell rather than one wasm→JS call per element, attribute, text and insertion.

use crate::i18n::Lang;
use crate::model::{Column, Timestamp};
use crate::parts;
use crate::ui::format::{js_date, DateFormatter};
use crate::ui::template::{append, build, set_text, DomCalls, Part};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

/// The pieces of a row in one language, built from [`PIECES`] in the order of [`Piece`],
/// and the row's own date formatters (dates and spans stay browser strings from `Intl` to the text node).
pub(crate) struct RowTemplate {
    pieces: Vec<Node>,
    pub dates: DateFormatter,
}

/// A piece of a row, by its place in [`PIECES`].
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Piece {
    /// An order's row: `part`, role, and its seven cells with their fixed attributes (roles, classes,
    /// `data-label`s).
    Row,
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
    /// The row below an order with its details: the cell spanning the table and the region in it.
    DetailsRow,
    /// The row that says the filters leave no order.
    NoMatch,
}

/// The missing-value pair: a dash for the eye, and words for a screen reader (both written per language).
const MISSING: &[Part] = &[
    (0, "span", &[("aria-hidden", "true")], ""),
    (0, "span", &[("class", "visually-hidden")], ""),
];

/// How many columns the details and no-match rows span: every column of the table (a test checks).
const ALL_COLUMNS: &str = "7";

/// The pieces, in the order of [`Piece`], as their elements in document order. They are built with DOM
/// calls rather than parsed from HTML, which a page enforcing Trusted Types refuses; the words of the
/// widget's language are written in by [`RowTemplate::build`].
const PIECES: [&[Part]; Piece::NoMatch as usize + 1] = [
    &[
        (0, "tr", &[("part", parts::ROW), ("role", "row")], ""),
        (
            1,
            "th",
            &[("scope", "row"), ("role", "rowheader"), ("class", "name")],
            "",
        ),
        (1, "td", &[("role", "cell")], ""),
        (1, "td", &[("role", "cell")], ""),
        (1, "td", &[("role", "cell")], ""),
        (1, "td", &[("role", "cell"), ("class", "expires")], ""),
        (1, "td", &[("role", "cell"), ("class", "action")], ""),
        (1, "td", &[("role", "cell"), ("class", "details-cell")], ""),
    ],
    &[(0, "span", &[("class", "cell-text")], "")],
    MISSING,
    MISSING,
    MISSING,
    &[(0, "time", &[], "")],
    &[(0, "span", &[("class", "relative")], "")],
    &[(
        0,
        "strong",
        &[
            ("class", "expiry-status expired"),
            ("part", parts::EXPIRY_STATUS),
        ],
        "",
    )],
    &[(
        0,
        "strong",
        &[
            ("class", "expiry-status expiring"),
            ("part", parts::EXPIRY_STATUS),
        ],
        "",
    )],
    &[
        (
            0,
            "button",
            &[
                ("type", "button"),
                ("class", "send"),
                ("part", parts::SEND_BUTTON),
            ],
            "",
        ),
        (0, "span", &[("class", "sent-note")], ""),
    ],
    &[(
        0,
        "button",
        &[
            ("type", "button"),
            ("class", "details-toggle"),
            ("part", parts::DETAILS_BUTTON),
            ("aria-expanded", "false"),
        ],
        "",
    )],
    &[(0, "dl", &[], "")],
    &[(0, "div", &[], ""), (1, "dt", &[], ""), (1, "dd", &[], "")],
    &[(0, "span", &[], "")],
    &[
        (0, "p", &[("class", "details-error")], ""),
        (0, "button", &[("type", "button"), ("class", "retry")], ""),
    ],
    &[
        (0, "p", &[("class", "details-loading")], ""),
        (
            1,
            "span",
            &[("class", "spinner"), ("aria-hidden", "true")],
            "",
        ),
    ],
    &[
        (0, "tr", &[("class", "details-row"), ("role", "row")], ""),
        (1, "td", &[("colspan", ALL_COLUMNS), ("role", "cell")], ""),
        (
            2,
            "div",
            &[
                ("role", "region"),
                ("class", "details"),
                ("part", parts::DETAILS),
            ],
            "",
        ),
    ],
    &[
        (0, "tr", &[("role", "row")], ""),
        (
            1,
            "td",
            &[
                ("colspan", ALL_COLUMNS),
                ("class", "no-match"),
                ("role", "cell"),
            ],
            "",
        ),
    ],
];

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

    /// Builds [`PIECES`] and writes the words of `lang` into them.
    fn build(lang: Lang) -> Option<RowTemplate> {
        let t = lang.messages();
        let document = web_sys::window()?.document()?;
        let pieces = PIECES
            .iter()
            .map(|parts| piece(&document, parts))
            .collect::<Option<Vec<Node>>>()?;
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
            (Piece::NoMatch, t.no_match),
        ];
        for (piece, words) in words {
            // The words go into a one-element piece itself, a missing-value pair's last element (its
            // hidden words), Failure's last (Retry), Send's first (the button before its note), and the
            // no-match row's cell.
            let piece_node = pieces.get(piece as usize)?;
            let node = match piece {
                Piece::Send | Piece::NoMatch => piece_node.first_child(),
                Piece::Expired | Piece::Expiring | Piece::DetailsToggle => Some(piece_node.clone()),
                _ => piece_node.last_child(),
            };
            node?.set_text_content(Some(words));
        }
        // The missing-value pairs' dash, before their words.
        for piece in [Piece::NotAvailable, Piece::MissingDate, Piece::NoEmail] {
            let dash = pieces.get(piece as usize)?.first_child()?;
            dash.set_text_content(Some(t.missing_value));
        }
        // The loading line's words follow its spinner.
        let loading = pieces.get(Piece::Loading as usize)?;
        loading
            .unchecked_ref::<Element>()
            .append_with_str_1(t.details_loading)
            .ok()?;
        Some(RowTemplate {
            pieces,
            dates: DateFormatter::new(lang),
        })
    }

    /// A fresh copy of `piece`: its element, or a fragment of its elements.
    pub fn copy(&self, piece: Piece) -> Option<Node> {
        let piece = self.pieces.get(piece as usize)?;
        Some(piece.unchecked_ref::<DomCalls>().clone_node(true))
    }

    /// Puts a text value into `cell` as a table cell's text, or the missing-value pair `absent`.
    pub fn put_text(&self, cell: &Node, value: Option<&str>, absent: Piece) {
        self.put_value(cell, value, Piece::Text, absent);
    }

    /// Puts a text value into `parent` in a copy of `piece`, or the missing-value pair `absent`.
    pub fn put_value(&self, parent: &Node, value: Option<&str>, piece: Piece, absent: Piece) {
        let piece = match value {
            Some(value) => self
                .copy(piece)
                .inspect(|span| span.set_text_content(Some(value))),
            None => self.copy(absent),
        };
        append(parent, piece);
    }

    /// Puts a date into `cell` as `<time>` in the widget's locale, or the missing-value pair `absent`.
    pub fn put_date(&self, cell: &Node, date: Option<Timestamp>, absent: Piece) {
        let piece = match date {
            Some(date) => self.copy(Piece::Time).inspect(|time| {
                let date = js_date(date);
                time.unchecked_ref::<DomCalls>()
                    .set_date_time(&date.to_iso_string());
                set_text(time, &self.dates.format_js(&date));
            }),
            None => self.copy(absent),
        };
        append(cell, piece);
    }
}

/// A piece made of `parts` (built by the shared [`build`]): its element when it has one, else a fragment
/// of its elements.
fn piece(document: &Document, parts: &[Part]) -> Option<Node> {
    let fragment = document
        .unchecked_ref::<DomCalls>()
        .create_document_fragment();
    build(&fragment, parts)?;
    match fragment.first_child() {
        Some(only) if fragment.last_child().as_ref() == Some(&only) => Some(only),
        _ => Some(fragment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_details_and_no_match_rows_span_every_column() {
        // The data columns, then Email and Details; and as many as an order's row has cells.
        let cells = PIECES[Piece::Row as usize]
            .iter()
            .filter(|(depth, ..)| *depth == 1)
            .count();
        assert_eq!(ALL_COLUMNS, (Column::ALL.len() + 2).to_string());
        assert_eq!(ALL_COLUMNS, cells.to_string());
    }
}
