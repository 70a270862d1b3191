//! The Leptos components: they wire the plain modules' state to the DOM and nothing more.

use crate::a11y;
use crate::api::{self, ApiError, StatusDef};
use crate::config::Config;
use crate::events;
use crate::i18n::{Lang, Messages};
use crate::model::{self, Column, EmailType, Filter, Order, PageWindow, Sort, PAGE_SIZES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlElement};

/// Everything one widget instance needs from its embedding. Nothing here is shared between instances.
#[derive(Clone)]
pub(crate) struct Instance {
    /// The element events are dispatched from (the custom element, or the `mount()` target).
    pub host: HtmlElement,
    pub config: Arc<Config>,
    pub lang: Lang,
    /// Prefix that makes element ids unique per instance (`ssl-orders-3`).
    pub id_prefix: String,
    /// Bumped by the host's `reload()`.
    pub reload: ArcRwSignal<u64>,
}

/// Where the list stands. `Ready` holds the whole list; paging happens in the view.
#[derive(Clone, Debug, PartialEq)]
enum ListState {
    Loading,
    Ready(Arc<Vec<Order>>),
    Failed(ApiError),
}

impl ListState {
    /// The value of `data-state` / `element.state`.
    fn name(&self) -> &'static str {
        match self {
            ListState::Loading => "loading",
            ListState::Ready(orders) if orders.is_empty() => "empty",
            ListState::Ready(_) => "ready",
            ListState::Failed(_) => "error",
        }
    }
}

/// One table row, keyed by its position in the loaded list, which no sort or filter changes.
#[derive(Clone)]
struct Row {
    key: usize,
    order: Order,
}

/// The order a popup is about: captured when Send is clicked so a late answer still knows what it was for.
#[derive(Clone, Debug, PartialEq)]
struct ResendTarget {
    order_id: u64,
    common_name: String,
    recipient: String,
    email: EmailType,
}

impl ResendTarget {
    fn request_detail(&self) -> events::ResendRequest {
        events::ResendRequest {
            order_id: self.order_id,
            common_name: self.common_name.clone(),
            email_type: self.email.api_name(),
            recipient: self.recipient.clone(),
        }
    }

    fn resent_detail(&self) -> events::Resent {
        events::Resent {
            order_id: self.order_id,
            common_name: self.common_name.clone(),
            email_type: self.email.api_name(),
            recipient: self.recipient.clone(),
            at: js_sys::Date::new_0().to_iso_string().into(),
        }
    }
}

/// Fetches the whole list in chunks of [`api::CHUNK`] with `resultLimit`, as far as the
/// `SoftLayer-Total-Items` header says there is more. When the header is missing, or the API ignores
/// `resultLimit`, a short or repeated chunk ends the loop, so the whole list is still read once.
async fn load_orders(
    config: &Config,
    signal: &web_sys::AbortSignal,
) -> Result<(Vec<Order>, usize), ApiError> {
    let transport = &config.transport;
    let account_id = match config.account_id {
        Some(id) => id,
        None => api::decode_account(
            &api::send(&api::account_request(&config.api_base), transport, signal).await?,
        )?,
    };
    let mut progress = api::ListProgress::default();
    loop {
        let req = api::list_request(
            &config.api_base,
            account_id,
            progress.next_offset(),
            api::CHUNK,
        );
        let chunk = api::decode_list(&api::send(&req, transport, signal).await?)?;
        if !progress.add(chunk) {
            break;
        }
    }
    Ok(progress.finish())
}

/// Formats API dates in the widget's locale and the reader's time zone. One `Intl.DateTimeFormat` per
/// widget: building one per call costs about fifty times more than formatting with it.
#[derive(Clone)]
struct DateFormatter(js_sys::Function);

impl DateFormatter {
    fn new(lang: Lang) -> DateFormatter {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let locales = js_sys::Array::of1(&lang.tag().into());
        DateFormatter(js_sys::Intl::DateTimeFormat::new(&locales, &options).format())
    }

    fn format(&self, ts: model::Timestamp) -> String {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.epoch_ms as f64));
        self.0
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

/// An absent value: a dash for the eye, words for a screen reader.
fn missing(words: &'static str) -> AnyView {
    let dash = Lang::En.messages().missing_value;
    view! {
        <span aria-hidden="true">{dash}</span>
        <span class="visually-hidden">{words}</span>
    }
    .into_any()
}

/// The machine-readable form of a date for `<time datetime>`.
fn iso(ts: model::Timestamp) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.epoch_ms as f64))
        .to_iso_string()
        .into()
}

/// Hours and minutes now, in the widget's locale.
fn clock_now(lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new_0()
        .to_locale_time_string_with_options(lang.tag(), &options)
        .into()
}

/// The whole widget: toolbar, table, pager, live region and the confirmation popup.
#[component]
pub(crate) fn OrdersWidget(instance: Instance) -> impl IntoView {
    let Instance {
        host,
        config,
        lang,
        id_prefix,
        reload,
    } = instance;
    let t: &'static Messages = lang.messages();

    let list = RwSignal::new(ListState::Loading);
    let statuses = RwSignal::new(Vec::<StatusDef>::new());
    let sort = RwSignal::new(Sort::default());
    let filter_text = RwSignal::new(String::new());
    let status_filter = RwSignal::new(None::<String>);
    let page = RwSignal::new(0usize);
    let page_size = RwSignal::new(config.page_size);
    let announcement = RwSignal::new(String::new());
    // Screen readers stay silent when a live region's text does not change, so a repeated message (the same
    // order resent twice) alternates a trailing no-break space to be read again.
    let announce = move |text: String| {
        let _ = announcement.try_update(|current| {
            *current = if current.trim_end_matches('\u{a0}') == text && !current.ends_with('\u{a0}')
            {
                format!("{text}\u{a0}")
            } else {
                text
            };
        });
    };
    let sent_at = RwSignal::new(HashMap::<u64, String>::new());

    // Each load gets a generation; an answer from an older generation is dropped.
    let generation = StoredValue::new(0u64);
    let load_abort = StoredValue::new_local(None::<AbortController>);
    let statuses_loaded = StoredValue::new(false);

    let start_load = {
        let (config, host) = (config.clone(), host.clone());
        move || {
            let my_generation = generation.get_value() + 1;
            generation.set_value(my_generation);
            if let Some(previous) = load_abort.get_value() {
                previous.abort();
            }
            let Ok(controller) = AbortController::new() else {
                list.set(ListState::Failed(ApiError::Network(
                    "AbortController unavailable".into(),
                )));
                return;
            };
            load_abort.set_value(Some(controller.clone()));
            list.set(ListState::Loading);
            if !statuses_loaded.get_value() {
                // Statuses only feed the status filter: fetched beside the list, never in its way.
                let (config, signal) = (config.clone(), controller.signal());
                spawn_local(async move {
                    let req = api::statuses_request(&config.api_base);
                    let answer = api::send(&req, &config.transport, &signal).await;
                    if let Ok(found) = answer.and_then(|raw| api::decode_statuses(&raw)) {
                        let _ = statuses_loaded.try_set_value(true);
                        let _ = statuses.try_set(found);
                    }
                });
            }
            let (config, host) = (config.clone(), host.clone());
            spawn_local(async move {
                let signal = controller.signal();
                let result = load_orders(&config, &signal).await;
                if generation.try_get_value() != Some(my_generation) {
                    return; // a newer load started, or the widget was unmounted
                }
                match result {
                    Ok((orders, total)) => {
                        let count = orders.len();
                        let state = ListState::Ready(Arc::new(orders));
                        // The state is readable on the host before any listener hears the event.
                        let _ = host.set_attribute("data-state", state.name());
                        list.set(state);
                        events::emit(
                            &host,
                            events::LOADED,
                            &events::Loaded { count, total },
                            false,
                        );
                    }
                    Err(ApiError::Aborted) => {}
                    Err(error) => {
                        let detail = events::Failure {
                            status: error.status(),
                            code: error.code(),
                            message: t.explain(&error),
                        };
                        let _ = host.set_attribute("data-state", "error");
                        list.set(ListState::Failed(error));
                        events::emit(&host, events::LOAD_ERROR, &detail, false);
                    }
                }
            });
        }
    };
    let start_load = StoredValue::new_local(start_load);

    // Load on mount and on every host `reload()`.
    Effect::new(move |_| {
        reload.track();
        start_load.with_value(|load| load());
    });

    // Aborts a resend in flight when the widget goes away; its answer would have nowhere to go.
    let instance_abort = StoredValue::new_local(AbortController::new().ok());
    on_cleanup(move || {
        generation.set_value(u64::MAX);
        if let Some(controller) = instance_abort.try_get_value().flatten() {
            controller.abort();
        }
        if let Some(controller) = load_abort.try_get_value().flatten() {
            controller.abort();
        }
    });

    // Reflect the state on the host, and say "ready" once, after the first load settled and rendered.
    let ready_sent = StoredValue::new(false);
    {
        let host = host.clone();
        Effect::new(move |_| {
            let state = list.with(ListState::name);
            let _ = host.set_attribute("data-state", state);
            if state != "loading" && !ready_sent.get_value() {
                ready_sent.set_value(true);
                events::emit(&host, events::READY, &events::Empty {}, false);
            }
        });
    }

    // The visible rows: positions in the list, filtered, sorted, then paged. Only a page of orders is cloned.
    let search_keys = Memo::new(move |_| match list.get() {
        ListState::Ready(orders) => {
            Arc::new(orders.iter().map(model::search_key).collect::<Vec<_>>())
        }
        _ => Arc::new(Vec::new()),
    });
    let filtered = Memo::new(move |_| {
        let ListState::Ready(orders) = list.get() else {
            return Vec::new();
        };
        let keys = search_keys.get();
        let filter = Filter {
            text: filter_text.get(),
            status: status_filter.get(),
        };
        let kept = (0..orders.len())
            .filter(|&i| {
                keys.get(i)
                    .is_some_and(|key| filter.matches_with_key(&orders[i], key))
            })
            .collect();
        model::sorted_indices(&orders, kept, sort.get())
    });
    let window = Memo::new(move |_| {
        filtered.with(|rows| PageWindow::new(rows.len(), page.get(), page_size.get()))
    });

    // --- The popup -------------------------------------------------------------------------------
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let target = RwSignal::new(None::<ResendTarget>);
    let dialog_error = RwSignal::new(None::<String>);
    // Orders whose resend is running. Written before any await, so however many clicks or Enter presses
    // arrive, an order is sent once; another order's popup stays usable meanwhile.
    let in_flight = RwSignal::new(Vec::<u64>::new());
    let busy = move || {
        target.with(|t| {
            t.as_ref()
                .is_some_and(|t| in_flight.with(|ids| ids.contains(&t.order_id)))
        })
    };
    // The Send button the popup returns focus to; taken once per opening.
    let invoker = StoredValue::new_local(None::<HtmlElement>);
    let title_id = format!("{id_prefix}-dialog-title");
    let desc_id = format!("{id_prefix}-dialog-desc");
    let alert_id = format!("{id_prefix}-dialog-alert");

    let open_dialog = move |order: ResendTarget, button: Option<HtmlElement>| {
        invoker.set_value(button);
        dialog_error.set(None);
        target.set(Some(order));
        if let Some(dialog) = dialog_ref.get_untracked() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
        // Cancel is the safe choice, so it gets the focus (WAI-ARIA APG, confirmation dialogs).
        if let Some(cancel) = cancel_ref.get_untracked() {
            let _ = cancel.focus();
        }
    };
    // Focus goes back to the Send button once per opening: right away when the widget closes the popup,
    // and from the `close` event (which browsers may deliver a frame later) when Escape closed it.
    // try_* throughout: a host may unmount the widget from inside one of its event listeners.
    let after_close = move || {
        let _ = target.try_set(None);
        let _ = dialog_error.try_set(None);
        if let Some(Some(button)) = invoker.try_update_value(Option::take) {
            if button.is_connected() {
                let _ = button.focus();
            }
        }
    };
    let close_dialog = move || {
        if let Some(Some(dialog)) = dialog_ref.try_get_untracked() {
            dialog.close();
        }
        after_close();
    };

    // Native modal dialogs let Tab leave for the browser chrome; wrap it between the two buttons instead.
    let keep_tab_inside = move |ev: leptos::ev::KeyboardEvent| {
        if let (Some(Some(first)), Some(Some(last))) = (
            cancel_ref.try_get_untracked(),
            confirm_ref.try_get_untracked(),
        ) {
            a11y::wrap_tab(&ev, &first, &last);
        }
    };

    let confirm = {
        let (config, host) = (config.clone(), host.clone());
        move || {
            let Some(order) = target.get_untracked() else {
                return;
            };
            if in_flight.with_untracked(|ids| ids.contains(&order.order_id)) {
                return;
            }
            in_flight.update(|ids| ids.push(order.order_id));
            dialog_error.set(None);
            if !events::emit(&host, events::RESEND_REQUEST, &order.request_detail(), true) {
                // The host vetoed the send: nothing was asked of the API.
                let _ = in_flight.try_update(|ids| ids.retain(|id| *id != order.order_id));
                close_dialog();
                return;
            }
            let Some(Some(controller)) = instance_abort.try_get_value() else {
                return; // unmounted by a listener of the request event
            };
            let (config, host) = (config.clone(), host.clone());
            spawn_local(async move {
                let req = api::resend_request(&config.api_base, order.order_id, order.email);
                let result = match api::send(&req, &config.transport, &controller.signal()).await {
                    Ok(raw) => api::decode_resend(&raw),
                    Err(e) => Err(e),
                };
                if in_flight
                    .try_update(|ids| ids.retain(|id| *id != order.order_id))
                    .is_none()
                {
                    return; // unmounted while the request ran
                }
                let still_open = dialog_ref
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|d| d.open())
                    && target.try_get_untracked().flatten().as_ref() == Some(&order);
                // Every state change first, the event last: a listener may unmount the widget.
                match result {
                    Ok(()) => {
                        let _ = sent_at.try_update(|m| m.insert(order.order_id, clock_now(lang)));
                        announce(t.resent(order.email, &order.recipient));
                        if still_open {
                            close_dialog();
                        }
                        events::emit(&host, events::EMAIL_RESENT, &order.resent_detail(), false);
                    }
                    Err(ApiError::Aborted) => {}
                    Err(error) => {
                        let message = t.resend_error_text(&error);
                        if still_open {
                            let _ = dialog_error.try_set(Some(message.clone()));
                        } else {
                            announce(t.resend_failed(order.email, &order.common_name, &message));
                        }
                        let detail = events::ResendFailure {
                            order_id: order.order_id,
                            email_type: order.email.api_name(),
                            status: error.status(),
                            code: error.code(),
                            message,
                            outcome_unknown: error.outcome_unknown(),
                        };
                        events::emit(&host, events::RESEND_ERROR, &detail, false);
                    }
                }
            });
        }
    };
    let confirm = StoredValue::new_local(confirm);

    // --- The table -------------------------------------------------------------------------------
    let policy = config.email_policy.clone();
    let policy = StoredValue::new(policy);
    let dates = StoredValue::new_local(DateFormatter::new(lang));
    let row_view = move |row: Row| {
        let order = row.order;
        // An order without a common name is still named in labels and sentences ("order 40001").
        let name = match (&order.common_name, order.id) {
            (Some(name), _) if !name.trim().is_empty() => name.clone(),
            (_, Some(id)) => t.unnamed_order(id),
            _ => String::new(),
        };
        let email = policy.with_value(|p| p.email_for(&order));
        let action = match (order.id, email, order.approver_email.clone()) {
            (Some(id), Some(email), Some(recipient)) => {
                let label = t.send_label(email, &name);
                let resend = ResendTarget {
                    order_id: id,
                    common_name: name.clone(),
                    recipient,
                    email,
                };
                let on_send = move |ev: leptos::ev::MouseEvent| {
                    let button = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
                    open_dialog(resend.clone(), button);
                };
                let note = move || sent_at.with(|m| m.get(&id).map(|time| t.sent_at(time)));
                view! {
                    <button type="button" class="send" part="send-button" aria-label=label on:click=on_send>{t.send}</button>
                    <span class="sent-note">{note}</span>
                }
                .into_any()
            }
            _ => missing(t.no_email),
        };
        let date_cell = |date: Option<model::Timestamp>, absent: &'static str| match date {
            Some(ts) => {
                view! { <time datetime=iso(ts)>{dates.with_value(|d| d.format(ts))}</time> }
                    .into_any()
            }
            None => missing(absent),
        };
        let text_cell = |value: Option<String>| match value {
            Some(v) => view! { <span class="cell-text">{v}</span> }.into_any(),
            None => missing(t.not_available),
        };
        view! {
            <tr part="row" data-order-id=order.id.map(|id| id.to_string())>
                <th scope="row" class="name">{text_cell(order.common_name.clone())}</th>
                <td>{text_cell(order.certificate_type.clone())}</td>
                <td title=order.status_description.clone()>{text_cell(order.status_name.clone())}</td>
                <td>{date_cell(order.create_date, t.not_available)}</td>
                <td>{date_cell(order.expiration_date, t.missing_date)}</td>
                <td class="action">{action}</td>
            </tr>
        }
    };

    let header = move |column: Column| {
        let aria_sort = move || sort.with(|s| (s.column == column).then(|| s.direction.aria()));
        let arrow = move || {
            sort.with(|s| match (s.column == column, s.direction) {
                (false, _) => "↕",
                (true, model::Direction::Ascending) => "▲",
                (true, model::Direction::Descending) => "▼",
            })
        };
        let on_click = move |_| {
            let next = sort.get_untracked().toggled(column);
            sort.set(next);
            page.set(0);
            announce(t.sorted_by(column, next.direction == model::Direction::Ascending));
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=on_click>
                    {t.column(column)}
                    <span class="arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let status_options = move || {
        let names = statuses.with(|known| match list.get() {
            ListState::Ready(orders) => {
                model::status_choices(known.iter().map(|s| s.name.as_str()), &orders)
            }
            _ => model::status_choices(known.iter().map(|s| s.name.as_str()), &[]),
        });
        names
            .into_iter()
            .map(|name| {
                let selected = {
                    let n = name.clone();
                    move || status_filter.with(|f| f.as_deref() == Some(n.as_str()))
                };
                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
            })
            .collect_view()
    };

    let body = move || {
        match list.get() {
            ListState::Loading => view! {
                <div class="state loading" part="state">
                    // Not a literal subtree: Leptos would build a static one from an HTML string, which a page
                    // enforcing Trusted Types refuses.
                    <span class="spinner" aria-hidden={"true"}></span>
                    {t.loading}
                </div>
            }
            .into_any(),
            ListState::Failed(error) => {
                let retry = move |_| start_load.with_value(|load| load());
                view! {
                <div class="state error" part="state">
                    <p role="alert"><strong>{t.load_failed}</strong>" "<span class="api-message">{t.explain(&error)}</span></p>
                    <button type="button" class="retry" on:click=retry>{t.retry}</button>
                </div>
            }
            .into_any()
            }
            ListState::Ready(orders) if orders.is_empty() => {
                view! { <div class="state empty" part="state"><p>{t.empty}</p></div> }.into_any()
            }
            ListState::Ready(_) => {
                let rows = move || {
                    let w = window.get();
                    let ListState::Ready(orders) = list.get() else {
                        return Vec::new();
                    };
                    // Keyed by position in the loaded list: stable across sorts and filters, and the table
                    // is rebuilt on every load anyway.
                    filtered.with(|rows| {
                        rows[w.start..w.end]
                            .iter()
                            .map(|&i| Row {
                                key: i,
                                order: orders[i].clone(),
                            })
                            .collect::<Vec<_>>()
                    })
                };
                view! {
                <div class="table-wrap" part="table-wrap" on:focusin=|ev| a11y::reveal_focused(&ev)>
                    <table part="table">
                        <caption>{t.caption}</caption>
                        <thead part="header">
                            <tr>
                                {Column::ALL.into_iter().map(header).collect_view()}
                                <th scope="col">{t.email_column}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <Show when=move || window.with(|w| w.total == 0)>
                                <tr><td colspan="6" class="no-match">{t.no_match}</td></tr>
                            </Show>
                            <For each=rows key=|row: &Row| row.key children=row_view />
                        </tbody>
                    </table>
                </div>
                <div class="pager" part="pager">
                    <span class="range">{move || window.with(|w| t.range(w.start, w.end, w.total))}</span>
                    <nav aria-label=t.pagination>
                        <button type="button" class="prev" aria-label=t.previous_page
                            disabled=move || window.with(|w| w.page == 0)
                            on:click=move |_| page.set(window.get_untracked().page.saturating_sub(1))>"‹"</button>
                        <span class="page-of">{move || window.with(|w| t.page_of(w.page, w.pages))}</span>
                        <button type="button" class="next" aria-label=t.next_page
                            disabled=move || window.with(|w| w.page + 1 >= w.pages)
                            on:click=move |_| page.set(window.get_untracked().page + 1)>"›"</button>
                    </nav>
                    <label class="page-size">
                        {t.page_size_label}
                        <select on:change=move |ev| {
                            if let Ok(size) = event_target_value(&ev).parse::<usize>() {
                                page_size.set(size);
                                page.set(0);
                            }
                        }>
                            {PAGE_SIZES.into_iter().map(|size| view! {
                                <option value=size.to_string() selected=move || page_size.get() == size>{size.to_string()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            }
            .into_any()
            }
        }
    };

    let filter_id = format!("{id_prefix}-filter");
    let status_id = format!("{id_prefix}-status");
    let dialog_title = move || {
        target.with(|o| {
            o.as_ref()
                .map(|o| t.dialog_title(o.email))
                .unwrap_or_default()
        })
    };
    let dialog_text = move || {
        target.with(|o| {
            o.as_ref()
                .map(|o| t.dialog_text(o.email, &o.common_name, &o.recipient))
                .unwrap_or_default()
        })
    };
    let labelledby = title_id.clone();
    let describedby = {
        let (desc_id, alert_id) = (desc_id.clone(), alert_id.clone());
        move || {
            if dialog_error.with(Option::is_some) {
                format!("{desc_id} {alert_id}")
            } else {
                desc_id.clone()
            }
        }
    };

    view! {
        <div class="widget" part="base" lang=lang.tag()>
            <div class="toolbar" part="toolbar">
                <span class="field filter-field">
                    <label for=filter_id.clone()>{t.filter_label}</label>
                    <input id=filter_id type="search" part="filter" placeholder=t.filter_placeholder
                        prop:value=move || filter_text.get()
                        on:input=move |ev| { filter_text.set(event_target_value(&ev)); page.set(0); } />
                </span>
                <span class="field">
                    <label for=status_id.clone()>{t.status_filter_label}</label>
                    <select id=status_id part="status-filter" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        status_filter.set((!value.is_empty()).then_some(value));
                        page.set(0);
                    }>
                        <option value="" selected=move || status_filter.with(Option::is_none)>{t.all_statuses}</option>
                        {status_options}
                    </select>
                </span>
                <button type="button" class="refresh" part="refresh" on:click=move |_| start_load.with_value(|load| load())>{t.refresh}</button>
            </div>
            {body}
            <p role="status" class="announcer" part="status">{move || announcement.get()}</p>
            <dialog node_ref=dialog_ref part="dialog" aria-labelledby=labelledby aria-describedby=describedby
                on:close=move |_| {
                    // A `close` event from an earlier opening can arrive after the popup was reopened.
                    if !dialog_ref.get_untracked().is_some_and(|d| d.open()) {
                        after_close();
                    }
                } on:keydown=keep_tab_inside>
                <h2 id=title_id part="dialog-title">{dialog_title}</h2>
                <p id=desc_id>{dialog_text}</p>
                <p id=alert_id role="alert" class="dialog-error" part="dialog-error">{move || dialog_error.get()}</p>
                <div class="dialog-actions">
                    <button type="button" node_ref=cancel_ref class="cancel" part="cancel" on:click=move |_| close_dialog()>{t.cancel}</button>
                    <button type="button" node_ref=confirm_ref class="confirm" part="confirm"
                        aria-busy=move || if busy() { "true" } else { "false" }
                        aria-disabled=move || if busy() { Some("true") } else { None }
                        on:click=move |_| confirm.with_value(|c| c())>
                        <span class="spinner" aria-hidden="true" hidden=move || !busy()></span>
                        {move || if busy() { t.sending } else if dialog_error.with(Option::is_some) { t.retry } else { t.resend_email }}
                    </button>
                </div>
            </dialog>
        </div>
    }
}
