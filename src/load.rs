//! The list-load protocol as plain state machines: which request comes next, and which answer still counts.
//!
//! [`OrderListLoad`] walks account discovery → the orders chunk by chunk ([`api::ListProgress`] decides
//! when to stop). [`LoadTracker`] numbers the loads of one widget, so an answer from a superseded load, or
//! one that arrives after unmount, is dropped; it also remembers whether the status list still has to be
//! fetched (once per widget, beside the first list load and never in its way). Only [`load_orders`] and
//! the hook that calls it touch the network.

use crate::api::{self, ApiError, ApiRequest, ListProgress, ListTooLarge, RawResponse, Transport};
use crate::model::Order;

/// What comes after an answer of the list load.
#[derive(Debug, PartialEq)]
pub enum LoadStep {
    /// Send this request next.
    Send(ApiRequest),
    /// The whole list is read.
    Done(LoadedList),
}

/// A whole list, as one load read it.
#[derive(Debug, PartialEq)]
pub struct LoadedList {
    pub orders: Vec<Order>,
    /// The total to show.
    pub total: usize,
    /// The account the orders belong to, configured or discovered: part of what "sent once" is about.
    pub account_id: u64,
}

/// One load of the order list: discovers the account id when the host gave none, then reads the list in
/// chunks of [`api::CHUNK`] with `resultLimit`.
#[derive(Debug)]
pub struct OrderListLoad {
    api_base: String,
    account_id: Option<u64>,
    progress: ListProgress,
}

impl OrderListLoad {
    /// Starts a load; returns it with its first request.
    pub fn start(api_base: &str, account_id: Option<u64>) -> (OrderListLoad, ApiRequest) {
        let load = OrderListLoad {
            api_base: api_base.to_owned(),
            account_id,
            progress: ListProgress::default(),
        };
        let first = match account_id {
            Some(id) => load.chunk_request(id),
            None => api::account_request(api_base),
        };
        (load, first)
    }

    fn chunk_request(&self, account_id: u64) -> ApiRequest {
        api::list_request(
            &self.api_base,
            account_id,
            self.progress.next_offset(),
            api::CHUNK,
        )
    }

    /// Reads the answer to the last request. An API error, an answer of the wrong shape, or a list longer
    /// than a load reads ([`ApiError::ListTooLarge`], with the status of the answer that showed it) ends the
    /// load; the orders read so far are dropped, never shown as if they were the whole list.
    pub fn answer(&mut self, raw: &RawResponse) -> Result<LoadStep, ApiError> {
        let Some(account_id) = self.account_id else {
            let discovered = api::decode_account(raw)?;
            self.account_id = Some(discovered);
            return Ok(LoadStep::Send(self.chunk_request(discovered)));
        };
        let chunk = api::decode_list(raw)?;
        let more = self.progress.add(chunk).map_err(|ListTooLarge| {
            self.progress = ListProgress::default();
            ApiError::ListTooLarge { status: raw.status }
        })?;
        if more {
            Ok(LoadStep::Send(self.chunk_request(account_id)))
        } else {
            let (orders, total) = std::mem::take(&mut self.progress).finish();
            Ok(LoadStep::Done(LoadedList {
                orders,
                total,
                account_id,
            }))
        }
    }
}

/// Reads the whole order list over `fetch`, following [`OrderListLoad`].
///
/// The first request leaves during this call (see [`api::send`]); the others as the answers arrive.
pub fn load_orders(
    api_base: &str,
    account_id: Option<u64>,
    transport: &Transport,
    signal: &web_sys::AbortSignal,
) -> impl std::future::Future<Output = Result<LoadedList, ApiError>> + 'static {
    let (mut load, request) = OrderListLoad::start(api_base, account_id);
    let first = api::send(&request, transport, signal);
    let (transport, signal) = (transport.clone(), signal.clone());
    async move {
        let mut raw = first.await?;
        loop {
            match load.answer(&raw)? {
                LoadStep::Send(next) => raw = api::send(&next, &transport, &signal).await?,
                LoadStep::Done(list) => return Ok(list),
            }
        }
    }
}

/// A load handed out by [`LoadTracker::begin`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadTicket {
    generation: u64,
    /// Whether this load should also fetch the status list.
    pub fetch_statuses: bool,
}

/// How a load ended, as far as the widget is concerned.
#[derive(Debug, PartialEq)]
pub enum Settled {
    /// A newer load started, the widget was unmounted, or the widget cancelled the request itself: the
    /// answer goes nowhere and nothing is told.
    Dropped,
    /// The list arrived.
    Loaded(LoadedList),
    /// The list could not be read.
    Failed(ApiError),
}

/// Numbers one widget's loads so that only the newest one's answer is used.
#[derive(Debug, Default)]
pub struct LoadTracker {
    generation: u64,
    statuses_known: bool,
    closed: bool,
}

impl LoadTracker {
    /// A new load supersedes every earlier one.
    pub fn begin(&mut self) -> LoadTicket {
        self.generation += 1;
        LoadTicket {
            generation: self.generation,
            fetch_statuses: !self.statuses_known && !self.closed,
        }
    }

    /// The status list arrived; later loads do not ask for it again.
    pub fn statuses_arrived(&mut self) {
        self.statuses_known = true;
    }

    /// The widget is going away: every answer from now on is dropped.
    pub fn close(&mut self) {
        self.closed = true;
    }

    /// Whether `ticket`'s answer still counts.
    pub fn is_current(&self, ticket: LoadTicket) -> bool {
        !self.closed && ticket.generation == self.generation
    }

    /// Decides what a finished load means for the widget.
    pub fn settle(&self, ticket: LoadTicket, result: Result<LoadedList, ApiError>) -> Settled {
        if !self.is_current(ticket) {
            return Settled::Dropped;
        }
        match result {
            Ok(list) => Settled::Loaded(list),
            Err(ApiError::Aborted) => Settled::Dropped,
            Err(error) => Settled::Failed(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Method, CHUNK};

    fn ok(body: &str, total: Option<usize>) -> RawResponse {
        RawResponse {
            status: 200,
            total_items: total.map(|t| t.to_string()),
            body: body.into(),
        }
    }

    fn orders_json(ids: std::ops::Range<u64>) -> String {
        let items: Vec<String> = ids.map(|id| format!("{{\"id\":{id}}}")).collect();
        format!("[{}]", items.join(","))
    }

    fn list(orders: Vec<Order>, total: usize) -> LoadedList {
        LoadedList {
            orders,
            total,
            account_id: 1234567,
        }
    }

    fn sent(step: Result<LoadStep, ApiError>) -> ApiRequest {
        match step {
            Ok(LoadStep::Send(request)) => request,
            other => panic!("expected another request, got {other:?}"),
        }
    }

    #[test]
    fn with_an_account_id_the_first_request_is_the_first_chunk() {
        let (_, first) = OrderListLoad::start("/rest/v3.1", Some(42));
        assert_eq!(first, api::list_request("/rest/v3.1", 42, 0, CHUNK));
    }

    #[test]
    fn without_an_account_id_the_account_is_discovered_first() {
        let (mut load, first) = OrderListLoad::start("/rest/v3.1", None);
        assert_eq!(first, api::account_request("/rest/v3.1"));
        let next = sent(load.answer(&ok(r#"{"id":7654321}"#, None)));
        assert_eq!(next, api::list_request("/rest/v3.1", 7654321, 0, CHUNK));
        assert_eq!(next.method, Method::Post);
        match load.answer(&ok(&orders_json(0..3), Some(3))) {
            Ok(LoadStep::Done(list)) => {
                assert_eq!(list.account_id, 7654321, "the discovered account")
            }
            other => panic!("expected the end, got {other:?}"),
        }
    }

    #[test]
    fn an_account_answer_without_an_id_ends_the_load() {
        let (mut load, _) = OrderListLoad::start("/x", None);
        let error = load.answer(&ok(r#"{"name":"no id"}"#, None)).unwrap_err();
        assert!(matches!(error, ApiError::Unreadable { .. }), "{error:?}");
    }

    #[test]
    fn an_api_error_on_discovery_ends_the_load_with_that_error() {
        let (mut load, _) = OrderListLoad::start("/x", None);
        let raw = RawResponse {
            status: 401,
            total_items: None,
            body: r#"{"error":"Access Denied.","code":"SoftLayer_Exception_Public"}"#.into(),
        };
        assert_eq!(load.answer(&raw).unwrap_err().status(), 401);
    }

    #[test]
    fn chunks_follow_the_total_and_the_last_one_finishes_the_list() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        let second = sent(load.answer(&ok(&orders_json(0..500), Some(700))));
        assert_eq!(second, api::list_request("/x", 1, 500, CHUNK));
        match load.answer(&ok(&orders_json(500..700), Some(700))) {
            Ok(LoadStep::Done(list)) => {
                assert_eq!(
                    (list.orders.len(), list.total, list.account_id),
                    (700, 700, 1)
                )
            }
            other => panic!("expected the end, got {other:?}"),
        }
    }

    #[test]
    fn a_chunk_error_ends_the_load_with_that_error() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        sent(load.answer(&ok(&orders_json(0..500), None)));
        let error = load.answer(&ok("[{\"id\":1", None)).unwrap_err();
        assert!(matches!(error, ApiError::Unreadable { .. }), "{error:?}");
    }

    #[test]
    fn a_lying_total_ends_the_load_with_list_too_large_at_once() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        let error = load
            .answer(&ok(&orders_json(0..500), Some(4_000_000_000)))
            .unwrap_err();
        assert_eq!(error, ApiError::ListTooLarge { status: 200 });
        assert_eq!(error.code(), "LIST_TOO_LARGE");
    }

    #[test]
    fn a_list_past_the_order_limit_ends_the_load_and_shows_no_part_of_it() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        let mut requests = 0;
        let mut next = 0;
        let error = loop {
            requests += 1;
            assert!(requests <= api::MAX_LIST_REQUESTS, "bounded");
            let end = next + CHUNK as u64;
            match load.answer(&ok(&orders_json(next..end), None)) {
                Ok(LoadStep::Send(request)) => {
                    assert!(request.url.ends_with(&format!("resultLimit={end},{CHUNK}")));
                    next = end;
                }
                Ok(LoadStep::Done(list)) => panic!("a cut list of {} orders", list.orders.len()),
                Err(error) => break error,
            }
        };
        assert_eq!(error, ApiError::ListTooLarge { status: 200 });
        assert_eq!(requests, api::MAX_LIST_REQUESTS);
    }

    #[test]
    fn a_gateway_error_on_a_chunk_ends_the_load_with_its_status() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        let raw = RawResponse {
            status: 503,
            total_items: None,
            body: "<html><body>Service Unavailable</body></html>".into(),
        };
        let error = load.answer(&raw).unwrap_err();
        assert_eq!(error, ApiError::Http { status: 503 });
        assert_eq!(error.code(), "HTTP_503");
    }

    #[test]
    fn an_empty_account_is_done_after_one_request() {
        let (mut load, _) = OrderListLoad::start("/x", Some(1));
        assert_eq!(
            load.answer(&ok("[]", Some(0))).unwrap(),
            LoadStep::Done(LoadedList {
                orders: Vec::new(),
                total: 0,
                account_id: 1
            })
        );
    }

    #[test]
    fn the_first_load_fetches_the_statuses_and_later_ones_only_until_they_arrived() {
        let mut tracker = LoadTracker::default();
        assert!(tracker.begin().fetch_statuses);
        assert!(
            tracker.begin().fetch_statuses,
            "the first fetch may have failed"
        );
        tracker.statuses_arrived();
        assert!(!tracker.begin().fetch_statuses);
    }

    #[test]
    fn the_newest_load_settles_with_its_list() {
        let mut tracker = LoadTracker::default();
        let ticket = tracker.begin();
        assert_eq!(
            tracker.settle(ticket, Ok(list(vec![Order::default()], 3))),
            Settled::Loaded(list(vec![Order::default()], 3))
        );
    }

    #[test]
    fn an_answer_from_a_superseded_load_is_dropped() {
        let mut tracker = LoadTracker::default();
        let old = tracker.begin();
        let new = tracker.begin();
        assert!(!tracker.is_current(old) && tracker.is_current(new));
        assert_eq!(
            tracker.settle(old, Ok(list(Vec::new(), 0))),
            Settled::Dropped
        );
        assert_eq!(
            tracker.settle(old, Err(ApiError::Timeout)),
            Settled::Dropped,
            "an old failure must not replace the newer list either"
        );
    }

    #[test]
    fn after_close_every_answer_is_dropped_and_no_status_fetch_starts() {
        let mut tracker = LoadTracker::default();
        let ticket = tracker.begin();
        tracker.close();
        assert_eq!(
            tracker.settle(ticket, Ok(list(Vec::new(), 0))),
            Settled::Dropped
        );
        assert!(!tracker.begin().fetch_statuses);
    }

    #[test]
    fn a_cancelled_request_is_not_an_error() {
        let mut tracker = LoadTracker::default();
        let ticket = tracker.begin();
        assert_eq!(
            tracker.settle(ticket, Err(ApiError::Aborted)),
            Settled::Dropped
        );
        assert_eq!(
            tracker.settle(ticket, Err(ApiError::Timeout)),
            Settled::Failed(ApiError::Timeout)
        );
    }
}
