//! The `--static` files are served as a production host serves them: the wasm's type, compression,
//! revalidation headers, and none of that on API answers.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use sl_emulator::Config;

/// A served directory with a small wasm and a script; removed when dropped.
struct Site(std::path::PathBuf);

impl Site {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("sl-emulator-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("app_bg.wasm"), vec![0u8; 4096]).expect("write wasm");
        std::fs::write(dir.join("app.js"), "export default 1;\n".repeat(64)).expect("write js");
        Self(dir)
    }

    fn config(&self) -> Config {
        Config {
            static_dir: Some(self.0.clone()),
            ..common::config()
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn the_wasm_is_served_as_application_wasm_for_streaming_compilation() {
    let site = Site::new("wasm-type");
    let (_, app) = setup_with(site.config());
    let wasm = send(&app, Method::GET, "/app_bg.wasm", None, None, &[]).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("x-content-type-options"), Some("nosniff"));
}

#[tokio::test]
async fn the_wasm_is_brotli_compressed_when_the_browser_accepts_it() {
    let site = Site::new("wasm-br");
    let (_, app) = setup_with(site.config());
    let headers = [("Accept-Encoding", "gzip, deflate, br")];
    let wasm = send(&app, Method::GET, "/app_bg.wasm", None, None, &headers).await;
    assert_eq!(wasm.header("content-encoding"), Some("br"));
    assert_eq!(wasm.header("vary"), Some("accept-encoding"));
    assert!(wasm.body.len() < 4096, "{} bytes", wasm.body.len());
}

#[tokio::test]
async fn static_files_must_be_revalidated_since_their_names_are_stable() {
    let site = Site::new("no-cache");
    let (_, app) = setup_with(site.config());
    let first = send(&app, Method::GET, "/app.js", None, None, &[]).await;
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    let modified = first
        .header("last-modified")
        .expect("a Last-Modified to revalidate against")
        .to_string();
    let again = send(
        &app,
        Method::GET,
        "/app.js",
        None,
        None,
        &[("If-Modified-Since", modified.as_str())],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
}

#[tokio::test]
async fn api_answers_get_none_of_the_static_file_headers() {
    let site = Site::new("api-headers");
    let (_, app) = setup_with(site.config());
    let api = get(
        &app,
        "/rest/v3.1/SoftLayer_Account/getObject.json?objectMask=mask[id]",
    )
    .await;
    assert_eq!(api.status, StatusCode::OK);
    assert_ne!(api.header("cache-control"), Some("no-cache"));
    assert_eq!(api.header("x-content-type-options"), None);
}

#[tokio::test]
async fn a_precompressed_sibling_is_served_as_it_is_when_asked_for() {
    let site = Site::new("precompressed");
    // Not real brotli: the point is that these bytes, not a fresh compression, reach the browser.
    std::fs::write(site.0.join("app_bg.wasm.br"), b"made-at-build-time").expect("write br");
    let config = Config {
        static_compression: sl_emulator::StaticCompression::Precompressed,
        ..site.config()
    };
    let (_, app) = setup_with(config);
    let headers = [("Accept-Encoding", "gzip, deflate, br")];
    let wasm = send(&app, Method::GET, "/app_bg.wasm", None, None, &headers).await;
    assert_eq!(wasm.header("content-encoding"), Some("br"));
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(&wasm.body[..], b"made-at-build-time");
}

#[tokio::test]
async fn static_files_are_sent_uncompressed_when_compression_is_off() {
    let site = Site::new("uncompressed");
    let config = Config {
        static_compression: sl_emulator::StaticCompression::Off,
        ..site.config()
    };
    let (_, app) = setup_with(config);
    let headers = [("Accept-Encoding", "gzip, deflate, br")];
    let wasm = send(&app, Method::GET, "/app_bg.wasm", None, None, &headers).await;
    assert_eq!(wasm.header("content-encoding"), None);
    assert_eq!(wasm.body.len(), 4096);
}
