// Eventflow operator console: plain browser JavaScript, no framework, no build step. It calls the subscriber's
// own API with the key the operator pasted (kept in sessionStorage: gone when the tab closes). Data is written
// with textContent only, never as HTML, so a record's payload cannot run script here.
'use strict';

const KEY_STORE = 'eventflow.apiKey';
const REFRESH_MS = 5000;
const STATUSES = ['pending', 'processing', 'completed', 'failed'];
const state = { previous: null, dlqOffset: 0, dlqLimit: 20, dlqReason: '', editing: null };

const $ = (id) => document.getElementById(id);

function apiKey() {
  return sessionStorage.getItem(KEY_STORE) || '';
}

function say(text, kind) {
  const message = $('message');
  message.textContent = text;
  message.className = kind || '';
}

// every call carries the key; X-Requested-With marks it as not sendable cross-site when keys are off
async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'eventflow-console' };
  if (apiKey()) {
    headers['X-API-Key'] = apiKey();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const detail = json && (json.detail || json.title) ? (json.title + ': ' + json.detail) : text;
    const hint = response.status === 401 ? ' - paste a valid API key above'
      : response.status === 403 ? ' - this key lacks the scope for that' : '';
    throw new Error(response.status + ' ' + detail + hint);
  }
  return json;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function button(row, label, onClick, name) {
  const td = document.createElement('td');
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (name) {
    b.name = name;
  }
  b.addEventListener('click', onClick);
  td.appendChild(b);
  row.appendChild(td);
  return b;
}

function age(seconds) {
  if (seconds === undefined || seconds === null) {
    return 'n/a';
  }
  if (seconds < 120) {
    return seconds + ' s';
  }
  return seconds < 7200 ? Math.round(seconds / 60) + ' min' : Math.round(seconds / 3600) + ' h';
}

async function refreshOverview() {
  const overview = await api('GET', '/api/v1/overview');
  $('lag').textContent = overview.consumer_lag ?? 'n/a';
  $('oldest').textContent = age(overview.oldest_unfinished_age_seconds);
  $('dlq-count').textContent = overview.dead_letters ?? 'n/a';
  $('updated').textContent = 'as of ' + new Date(overview.generated_at).toLocaleTimeString();
  const byType = {};
  for (const c of overview.counts) {
    byType[c.type] = byType[c.type] || {};
    byType[c.type][c.status] = c.count;
  }
  const now = Date.parse(overview.generated_at);
  const body = $('counts').querySelector('tbody');
  body.replaceChildren();
  for (const type of Object.keys(byType).sort()) {
    const row = document.createElement('tr');
    row.dataset.type = type;
    cell(row, type);
    for (const status of STATUSES) {
      cell(row, byType[type][status] || 0, 'num').dataset.status = status;
    }
    for (const status of ['completed', 'failed']) {
      cell(row, rate(type, status, byType, now), 'num');
    }
    body.appendChild(row);
  }
  state.previous = { at: now, byType };
  renderFailures(overview.recent_failures);
  const dashboard = overview.jobrunr_dashboard;
  const link = $('dashboard-link');
  link.hidden = !dashboard.enabled;
  link.href = dashboard.url || (location.protocol + '//' + location.hostname + ':' + dashboard.port + '/dashboard');
}

// rates come from the change between two refreshes: the API gives counts, the console the slope
function rate(type, status, byType, now) {
  const before = state.previous;
  if (!before || !before.byType[type] || now <= before.at) {
    return '-';
  }
  const delta = (byType[type][status] || 0) - (before.byType[type][status] || 0);
  return (delta / ((now - before.at) / 1000)).toFixed(1);
}

function renderFailures(failures) {
  const body = $('failed-table').querySelector('tbody');
  body.replaceChildren();
  for (const f of failures) {
    const row = document.createElement('tr');
    row.dataset.eventId = f.event_id;
    cell(row, f.event_id);
    cell(row, f.type);
    cell(row, f.error);
    cell(row, f.retry_count, 'num');
    cell(row, f.failed_at);
    button(row, 'Requeue', () => run(async () => {
      await api('POST', '/api/v1/events/' + f.event_id + '/requeue');
      say('Requeued ' + f.event_id + '; it is pending again', 'ok');
    }), 'requeue');
    body.appendChild(row);
  }
}

async function showStory(eventId) {
  const story = await api('GET', '/api/v1/events/' + encodeURIComponent(eventId));
  const list = $('story');
  list.replaceChildren();
  const fields = [['event id', story.event_id], ['type', story.type], ['status', story.status],
    ['trace id', story.trace_id], ['retries', story.retry_count + ' of ' + story.max_retries],
    ['last error', story.last_error], ['job', story.job_id], ['job state', story.job_state],
    ['attempts', story.attempts], ['received', story.received_at], ['updated', story.updated_at],
    ['processed', story.processed_at],
    ['kafka', story.kafka ? story.kafka.topic + '-' + story.kafka.partition + '@' + story.kafka.offset : null]];
  for (const [name, value] of fields) {
    if (value === undefined || value === null) {
      continue;
    }
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    dd.dataset.field = name.replace(/ /g, '_');
    if (name === 'status') {
      dd.className = 'status-' + value;
    }
    list.append(dt, dd);
  }
  if (story.status === 'failed') {
    const dd = document.createElement('dd');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Requeue this event';
    b.addEventListener('click', () => run(async () => {
      await api('POST', '/api/v1/events/' + story.event_id + '/requeue');
      say('Requeued ' + story.event_id, 'ok');
      await showStory(story.event_id);
    }));
    dd.appendChild(b);
    list.append(document.createElement('dt'), dd);
  }
}

async function refreshDeadLetters() {
  const query = new URLSearchParams({ limit: state.dlqLimit, offset: state.dlqOffset });
  if (state.dlqReason) {
    query.set('reason', state.dlqReason);
  }
  const page = await api('GET', '/api/v1/dead-letters?' + query);
  const body = $('dlq-table').querySelector('tbody');
  body.replaceChildren();
  for (const l of page.dead_letters) {
    const row = document.createElement('tr');
    row.dataset.id = l.id;
    row.dataset.key = l.key || '';
    cell(row, l.id);
    cell(row, l.dead_lettered_at);
    cell(row, l.reason);
    cell(row, l.original && l.original.topic ? l.original.topic + '-' + l.original.partition + '@'
      + l.original.offset : '');
    cell(row, l.key);
    cell(row, l.event_id);
    const preview = cell(row, '');
    const code = document.createElement('code');
    code.className = 'preview';
    code.textContent = l.payload_preview;
    preview.appendChild(code);
    const actions = button(row, 'Redrive', () => run(async () => {
      await api('POST', '/api/v1/dead-letters/' + l.id + '/redrive');
      say('Redrove dead letter ' + l.id + ' to the events topic', 'ok');
    }), 'redrive').parentElement;
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.name = 'edit';
    edit.textContent = 'Correct…';
    edit.addEventListener('click', () => run(() => openEditor(l.id)));
    actions.appendChild(edit);
    body.appendChild(row);
  }
  const last = Math.min(page.offset + page.limit, page.total);
  $('dlq-page').textContent = page.total === 0 ? 'none' : (page.offset + 1) + '-' + last + ' of ' + page.total
    + (page.older_not_read ? ' (older records not read)' : '');
  $('dlq-prev').disabled = page.offset === 0;
  $('dlq-next').disabled = last >= page.total;
}

async function openEditor(id) {
  const letter = await api('GET', '/api/v1/dead-letters/' + id);
  state.editing = id;
  $('editor-id').textContent = id;
  let text = letter.payload || '';
  try {
    text = JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    // not JSON: shown as it is, for the operator to rewrite
  }
  $('editor-text').value = text;
  $('editor').hidden = false;
  $('editor-text').focus();
}

// runs an action, reports its failure, and refreshes what it may have changed
async function run(action) {
  try {
    await action();
  } catch (e) {
    say(e.message, 'error');
  }
  await refreshAll(false);
}

async function refreshAll(reportErrors) {
  try {
    await refreshOverview();
    await refreshDeadLetters();
  } catch (e) {
    if (reportErrors) {
      say(e.message, 'error');
    }
  }
}

function wire() {
  $('api-key').value = apiKey();
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY_STORE, $('api-key').value.trim());
    say('Key set for this tab', 'ok');
    refreshAll(true);
  });
  $('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORE);
    $('api-key').value = '';
    say('Key forgotten', 'ok');
  });
  $('refresh').addEventListener('click', () => refreshAll(true));
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('event-id').value.trim();
    run(async () => {
      $('story').replaceChildren();
      await showStory(id);
      say('', '');
    });
  });
  $('requeue-all').addEventListener('click', () => run(async () => {
    const answer = await api('POST', '/api/v1/events/requeue');
    say('Requeued ' + answer.requeued + ' failed events', 'ok');
  }));
  $('dlq-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.dlqReason = $('dlq-reason').value.trim();
    state.dlqOffset = 0;
    run(async () => {});
  });
  $('dlq-prev').addEventListener('click', () => {
    state.dlqOffset = Math.max(0, state.dlqOffset - state.dlqLimit);
    run(async () => {});
  });
  $('dlq-next').addEventListener('click', () => {
    state.dlqOffset += state.dlqLimit;
    run(async () => {});
  });
  $('redrive-all').addEventListener('click', () => run(async () => {
    const query = state.dlqReason ? '?reason=' + encodeURIComponent(state.dlqReason) : '';
    const answer = await api('POST', '/api/v1/dead-letters/redrive' + query);
    say('Redrove ' + answer.redriven + ' dead letters', 'ok');
  }));
  $('editor-send').addEventListener('click', () => run(async () => {
    await api('POST', '/api/v1/dead-letters/' + state.editing + '/redrive', $('editor-text').value);
    say('Redrove corrected dead letter ' + state.editing, 'ok');
    $('editor').hidden = true;
  }));
  $('editor-cancel').addEventListener('click', () => {
    $('editor').hidden = true;
  });
  refreshAll(apiKey() !== '');
  setInterval(() => refreshAll(false), REFRESH_MS);
}

document.addEventListener('DOMContentLoaded', wire);
