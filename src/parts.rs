//! The CSS parts a host can style with `::part(…)`: every name the markup uses, in one place.
//!
//! Components write `part=parts::ROW`, never a literal, and `tests/manifest.rs` checks [`ALL`] against
//! `custom-elements.json` and the README.

pub const BASE: &str = "base";
pub const TOOLBAR: &str = "toolbar";
pub const FILTER: &str = "filter";
pub const STATUS_FILTER: &str = "status-filter";
pub const REFRESH: &str = "refresh";
/// The expiry filter (any, expired, expiring within N days).
pub const EXPIRY_FILTER: &str = "expiry-filter";
/// The CSV export button.
pub const EXPORT: &str = "export";
pub const TABLE_WRAP: &str = "table-wrap";
pub const TABLE: &str = "table";
pub const HEADER: &str = "header";
pub const ROW: &str = "row";
pub const SEND_BUTTON: &str = "send-button";
/// A row's disclosure button that shows or hides the order's details.
pub const DETAILS_BUTTON: &str = "details-button";
/// The order's details region below its row.
pub const DETAILS: &str = "details";
/// The word in the Expires cell of an expired or expiring-soon order.
pub const EXPIRY_STATUS: &str = "expiry-status";
pub const PAGER: &str = "pager";
/// The loading, empty and error panels.
pub const STATE: &str = "state";
/// The live region.
pub const STATUS: &str = "status";
pub const DIALOG: &str = "dialog";
pub const DIALOG_TITLE: &str = "dialog-title";
pub const DIALOG_ERROR: &str = "dialog-error";
pub const CONFIRM: &str = "confirm";
pub const CANCEL: &str = "cancel";
/// The message shown instead of the widget when its configuration is refused.
pub const CONFIG_ERROR: &str = "config-error";

/// Every part, in the order the manifest lists them.
pub const ALL: [&str; 24] = [
    BASE,
    TOOLBAR,
    FILTER,
    STATUS_FILTER,
    EXPIRY_FILTER,
    REFRESH,
    EXPORT,
    TABLE_WRAP,
    TABLE,
    HEADER,
    ROW,
    SEND_BUTTON,
    DETAILS_BUTTON,
    DETAILS,
    EXPIRY_STATUS,
    PAGER,
    STATE,
    STATUS,
    DIALOG,
    DIALOG_TITLE,
    DIALOG_ERROR,
    CONFIRM,
    CANCEL,
    CONFIG_ERROR,
];
