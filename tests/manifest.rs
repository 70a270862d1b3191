//! The host-developer reference (custom-elements.json, types/ssl-orders.d.ts, README) matches the code.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use ssl_orders::{config, embed, events, parts};
use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn element() -> Value {
    let manifest: Value = serde_json::from_str(&read("custom-elements.json")).expect("valid JSON");
    manifest["modules"][0]["declarations"][0].clone()
}

fn names(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["name"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn manifest_events_are_the_events_the_widget_dispatches() {
    let code: BTreeSet<String> = events::ALL.map(str::to_owned).into();
    assert_eq!(names(&element()["events"]), code);
    let types = read("types/ssl-orders.d.ts");
    let readme = read("README.md");
    for event in &code {
        assert!(
            types.contains(&format!("\"{event}\"")),
            "{event} missing from the TypeScript types"
        );
        assert!(
            readme.contains(&format!("`{event}`")),
            "{event} missing from the README"
        );
    }
}

#[test]
fn manifest_parts_are_the_parts_in_the_markup() {
    let code: BTreeSet<String> = parts::ALL.map(str::to_owned).into();
    assert_eq!(names(&element()["cssParts"]), code);
    let readme = read("README.md");
    for part in &code {
        assert!(
            readme.contains(&format!("`{part}`")),
            "part {part} missing from the README"
        );
    }
}

#[test]
fn manifest_attributes_are_the_observed_attributes() {
    let observed: BTreeSet<String> = embed::ATTRIBUTES
        .map(|(attribute, _)| attribute.to_owned())
        .into();
    assert_eq!(names(&element()["attributes"]), observed);
}

#[test]
fn manifest_css_properties_are_the_ones_the_stylesheet_reads() {
    let css = read("style/ssl-orders.css");
    let used: BTreeSet<String> = css
        .match_indices("var(--ssl-orders-")
        .map(|(i, _)| {
            let rest = &css[i + 4..];
            rest[..rest.find([',', ')']).unwrap()].to_owned()
        })
        .collect();
    assert_eq!(names(&element()["cssProperties"]), used);
}

/// The first cell of every row of the README table whose header row starts with `header`, split on `+`.
fn readme_table_keys(header: &str) -> BTreeSet<String> {
    let readme = read("README.md");
    let start = readme
        .find(header)
        .unwrap_or_else(|| panic!("README table {header:?}"));
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .flat_map(|line| {
            let cell = line.split('|').nth(1).unwrap_or_default();
            cell.split('+')
                .map(|k| k.trim().trim_matches('`').to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_readme_config_table_lists_every_config_key() {
    let known: BTreeSet<String> = config::KEYS.iter().map(|k| k.to_string()).collect();
    assert_eq!(readme_table_keys("| config key |"), known);
}

#[test]
fn the_readme_attribute_table_lists_the_observed_attributes() {
    let mut documented = readme_table_keys("| attribute | property |");
    documented.retain(|k| k != "—" && !k.starts_with("data-state"));
    assert_eq!(documented, names(&element()["attributes"]));
}

#[test]
fn the_readme_theming_table_lists_every_custom_property() {
    let readme = read("README.md");
    let start = readme
        .find("| custom property |")
        .expect("the README's theming table");
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    let documented: BTreeSet<String> = table
        .match_indices("`--ssl-orders-")
        .map(|(i, _)| {
            let rest = &table[i + 1..];
            rest[..rest.find('`').unwrap()].to_owned()
        })
        .collect();
    assert_eq!(documented, names(&element()["cssProperties"]));
}
