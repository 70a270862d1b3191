//! Shared mutable emulator state: orders, statuses, options, outbox, faults and the request log.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::{header, request::Parts};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::auth::AuthKind;
use crate::data;
use crate::faults::FaultSet;
use crate::Config;

/// Oldest request-log entries are dropped beyond this, so a long e2e run cannot grow memory forever.
pub const MAX_REQUEST_LOG: usize = 10_000;
/// Oldest outbox entries are dropped beyond this (a resend is never refused because of the outbox:
/// the SoftLayer side must behave the same whatever the tests left in it).
pub const MAX_OUTBOX: usize = 10_000;

/// Behaviour switches for what the public SLDN reference leaves open: it lists no `resultLimit` for
/// `SoftLayer_Security_Certificate_Request::getSslCertificateRequests` (so paging and the
/// `SoftLayer-Total-Items` header are unverified) and gives `resendEmail` no status rule.
/// All three are on by default; the total is the real count unless overridden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    /// Send `SoftLayer-Total-Items` on list answers.
    pub total_items_header: bool,
    /// Slice list answers by `resultLimit`; when false the whole list comes back.
    pub honour_result_limit: bool,
    /// Refuse resends the order's status does not allow.
    pub enforce_status_rules: bool,
    /// When set, `SoftLayer-Total-Items` reports this number whatever the real count (a lying or
    /// buggy total, e.g. 4000000000); `null` reports the real count. Only with `totalItemsHeader`.
    pub total_items_override: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            total_items_header: true,
            honour_result_limit: true,
            enforce_status_rules: true,
            total_items_override: None,
        }
    }
}

/// One stored certificate request. The JSON is kept verbatim (it may hold nulls or wrong types
/// installed through the control API); `id` and `accountId` are extracted once for lookups.
#[derive(Debug, Clone)]
pub struct StoredOrder {
    /// Exact whatever its size: serde_json keeps integers as u64, never as f64.
    pub id: u64,
    pub account_id: Option<i64>,
    pub json: Map<String, Value>,
}

impl StoredOrder {
    pub fn from_json(json: Map<String, Value>) -> Option<Self> {
        let id = json.get("id")?.as_u64()?;
        let account_id = json.get("accountId").and_then(Value::as_i64);
        Some(Self {
            id,
            account_id,
            json,
        })
    }
}

#[derive(Debug)]
pub struct Inner {
    /// Sorted by id, which is the order the list call answers in.
    pub orders: Vec<StoredOrder>,
    pub statuses: Vec<Value>,
    pub options: Options,
    /// Oldest first; at most [`MAX_OUTBOX`] entries.
    pub outbox: VecDeque<Value>,
    pub faults: FaultSet,
    pub requests: VecDeque<Value>,
}

impl Inner {
    fn initial(config: &Config) -> Self {
        let statuses = data::default_statuses();
        // The CLI refuses more; a library caller gets the cap rather than an exhausted machine.
        let count = config.orders.min(crate::control::MAX_GENERATED_ORDERS);
        let orders = generate(config, count, config.seed, data::FIRST_ORDER_ID, &statuses);
        Self {
            orders,
            statuses,
            options: config.options,
            outbox: VecDeque::new(),
            faults: FaultSet::default(),
            requests: VecDeque::new(),
        }
    }

    /// Replaces the data set, keeping the id order the list call relies on.
    pub fn set_orders(&mut self, mut orders: Vec<StoredOrder>) {
        orders.sort_by_key(|o| o.id);
        self.orders = orders;
    }

    /// Records a sent email, dropping the oldest entry when the outbox is full.
    pub fn push_outbox(&mut self, entry: Value) {
        if self.outbox.len() >= MAX_OUTBOX {
            self.outbox.pop_front();
        }
        self.outbox.push_back(entry);
    }

    pub fn find_order(&self, id: u64) -> Option<&StoredOrder> {
        // Not a binary search: the second account's orders (39901…) follow the main account's (40001…).
        self.orders.iter().find(|o| o.id == id)
    }

    /// Installs a new status list and refreshes the embedded `status` of orders that still carry
    /// the object of their `statusId`, so list answers and `getSslRequestStatuses` agree.
    pub fn set_statuses(&mut self, statuses: Vec<Value>) {
        for order in &mut self.orders {
            let Some(status_id) = order.json.get("statusId").and_then(Value::as_i64) else {
                continue;
            };
            let consistent = match order.json.get("status") {
                None => true,
                Some(s) => s.get("id").and_then(Value::as_i64) == Some(status_id),
            };
            let replacement = statuses
                .iter()
                .find(|s| s.get("id").and_then(Value::as_i64) == Some(status_id));
            if let (true, Some(new)) = (consistent, replacement) {
                order.json.insert("status".into(), new.clone());
            }
        }
        self.statuses = statuses;
    }
}

fn generate(
    config: &Config,
    count: usize,
    seed: u64,
    first_id: u64,
    statuses: &[Value],
) -> Vec<StoredOrder> {
    data::generate_orders_from(count, seed, first_id, config.account_id, statuses)
        .into_iter()
        .filter_map(StoredOrder::from_json)
        .collect()
}

/// Cheap to clone: handlers share one configuration and one locked state.
#[derive(Debug, Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    inner: Arc<Mutex<Inner>>,
}

impl AppState {
    pub fn new(config: Config) -> Self {
        let inner = Inner::initial(&config);
        Self {
            config: Arc::new(config),
            inner: Arc::new(Mutex::new(inner)),
        }
    }

    /// Locks the state. A panic while locked cannot leave it half-written in a way that matters
    /// for a test fixture, so a poisoned lock is simply taken over.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Back to the start-up data set, statuses and options; outbox, faults and log emptied.
    pub fn reset(&self) {
        let fresh = Inner::initial(&self.config);
        *self.lock() = fresh;
    }

    /// Regenerates the orders with the current status list, ids from `first_id`.
    pub fn regenerate(&self, count: usize, seed: u64, first_id: u64) {
        let statuses = self.lock().statuses.clone();
        let orders = generate(&self.config, count, seed, first_id, &statuses);
        self.lock().set_orders(orders);
    }

    /// Records a /rest request without its credentials.
    pub fn log_request(&self, parts: &Parts, auth: AuthKind) {
        let origin = parts
            .headers
            .get(header::ORIGIN)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let entry = json!({
            "method": parts.method.as_str(),
            "path": parts.uri.path(),
            "query": parts.uri.query(),
            "auth": auth.as_str(),
            "origin": origin,
        });
        let mut inner = self.lock();
        if inner.requests.len() >= MAX_REQUEST_LOG {
            inner.requests.pop_front();
        }
        inner.requests.push_back(entry);
    }
}
