//! Build script: the widget's stylesheet, minified by Lightning CSS, for `embed` to adopt in each shadow root.
//!
//! `style/ssl-orders.css` stays the readable, commented source; the bundle carries only what a browser
//! needs (a quarter fewer bytes). Lightning CSS is the minifier Trunk and Parcel use; a stylesheet it cannot
//! parse stops the build here instead of failing quietly in a browser.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use std::path::PathBuf;

const SOURCE: &str = "style/ssl-orders.css";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let css = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let options = ParserOptions {
        filename: SOURCE.into(),
        ..ParserOptions::default()
    };
    let mut sheet = StyleSheet::parse(&css, options).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    sheet
        .minify(MinifyOptions::default())
        .unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("ssl-orders.min.css"), printed.code).expect("writes into OUT_DIR");
}
