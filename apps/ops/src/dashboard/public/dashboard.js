/* global document, EventSource */
// The ops dashboard. Signing in trades an operator API key for an HttpOnly session cookie; the
// page never keeps the key. Everything shown comes from the ops API and stays current through
// the server-sent events of /v1/stream. Text is always set as text, never parsed as HTML.

import { $, api, el, SignedOut } from './page-kit.js';

const FEED_SIZE = 100;
const DEAD_LETTER_PAGE = 100;

const state = {
  events: undefined,
  feed: [],
  timelineId: undefined,
  deadLetterReload: undefined,
  connectedBefore: false,
  signedIn: false,
  /** Ticked dead letters; the list is redrawn live, so the ticks are kept here. */
  selected: new Set(),
};

const time = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : '');
const milliseconds = (value) => (value === null || value === undefined ? '' : `${value} ms`);
const percent = (rate) => (rate === null ? 'no calls' : `${(rate * 100).toFixed(1)}%`);

function notify(message) {
  $('notice').textContent = message;
}

async function guarded(work) {
  try {
    await work();
  } catch (error) {
    // A request still under way when the operator signed out says nothing new.
    if (!state.signedIn) return;
    if (error instanceof SignedOut) showSignIn('Your session ended; sign in again.');
    else notify(error.message);
  }
}

/* Signing in and out */

function showSignIn(message = '') {
  state.signedIn = false;
  state.events?.close();
  state.events = undefined;
  clearTimeout(state.deadLetterReload);
  $('dashboard-view').hidden = true;
  $('sign-out').hidden = true;
  $('live-state').hidden = true;
  $('operator').textContent = '';
  $('sign-in-view').hidden = false;
  $('sign-in-error').textContent = message;
  $('api-key').focus();
}

async function showDashboard(operator) {
  state.signedIn = true;
  $('sign-in-view').hidden = true;
  $('dashboard-view').hidden = false;
  $('sign-out').hidden = false;
  $('operator').textContent = `${operator.name} (${operator.role})`;
  connect();
  await refresh();
}

async function signIn(event) {
  event.preventDefault();
  const input = $('api-key');
  try {
    await api('/v1/session', { method: 'POST', body: { apiKey: input.value.trim() } });
    input.value = '';
    await showDashboard(await api('/v1/me'));
  } catch (error) {
    $('sign-in-error').textContent =
      error instanceof SignedOut ? 'That key is not valid or was revoked.' : error.message;
  }
}

async function signOut() {
  showSignIn('Signing out…');
  await api('/v1/session', { method: 'DELETE' }).catch(() => undefined);
  showSignIn('Signed out.');
}

/* The live stream */

function connect() {
  state.events?.close();
  const events = new EventSource('/v1/stream');
  state.events = events;
  state.connectedBefore = false;
  events.addEventListener('open', () => {
    $('live-state').hidden = false;
    // After a reconnect, what happened while the stream was down is read again.
    if (state.connectedBefore) void guarded(refresh);
    state.connectedBefore = true;
  });
  events.addEventListener('error', () => {
    $('live-state').hidden = true;
    // EventSource retries by itself unless the server refused; a refusal means signed out.
    void guarded(() => api('/v1/me'));
  });
  events.addEventListener('flow', (message) => onFlowRecord(JSON.parse(message.data).record));
  events.addEventListener('flow-backlog', () => void guarded(refresh));
  events.addEventListener('dead-letter', scheduleDeadLetterReload);
  events.addEventListener('health', (message) => renderHealth(JSON.parse(message.data)));
}

/** Reads again what the stream may have missed: the feed, dead letters, the open timeline. */
async function refresh() {
  await Promise.all([
    loadFeed(),
    loadDeadLetters(),
    state.timelineId ? loadTimeline(state.timelineId) : undefined,
  ]);
}

function onFlowRecord(record) {
  state.feed = [record, ...state.feed].slice(0, FEED_SIZE);
  renderFeed();
  if (record.applicationId && record.applicationId === state.timelineId) {
    void guarded(() => loadTimeline(state.timelineId));
  }
}

/* Live flow feed */

async function loadFeed() {
  state.feed = (await api(`/v1/flows?limit=${FEED_SIZE}`)).items;
  renderFeed();
}

function applicationLink(applicationId) {
  if (!applicationId) return '';
  return el(
    'button',
    {
      type: 'button',
      className: 'link',
      title: 'Show the timeline',
      onclick: () => void guarded(() => loadTimeline(applicationId)),
    },
    applicationId,
  );
}

function renderFeed() {
  $('feed-rows').replaceChildren(
    ...state.feed.map((record) =>
      el(
        'tr',
        {},
        el('td', {}, time(record.at)),
        el('td', {}, record.hop),
        el('td', {}, record.agency ?? ''),
        el('td', {}, applicationLink(record.applicationId)),
        el('td', {}, record.outcome ?? ''),
        el('td', { className: 'number' }, milliseconds(record.durationMs)),
        el('td', {}, record.instance),
      ),
    ),
  );
}

/* Agency health and consumer lag */

function tileSeverity(agency) {
  if (agency.instancesAlive === 0 || agency.circuit === 'open') return 'bad';
  const rate = agency.legacy.last5m.successRate;
  const degraded =
    agency.circuit === 'half_open' ||
    agency.consumptionPaused ||
    agency.deadLettersParked > 0 ||
    (rate !== null && rate < 0.95);
  return degraded ? 'warn' : '';
}

function agencyTile(agency) {
  const { last5m, last60m } = agency.legacy;
  const latency = last5m.latencyMs;
  const facts = [
    ['instances', `${agency.instancesAlive} alive of ${agency.instances.length}`],
    ['circuit', agency.circuit],
    ['consumption', agency.consumptionPaused ? 'paused' : 'running'],
    ['success 5 min', `${percent(last5m.successRate)} of ${last5m.calls}`],
    ['success 60 min', `${percent(last60m.successRate)} of ${last60m.calls}`],
    ['p50/p95/p99 5 min', [latency.p50, latency.p95, latency.p99].map(milliseconds).join(' / ')],
    ['dead letters', String(agency.deadLettersParked)],
  ];
  return el(
    'article',
    { className: `tile ${tileSeverity(agency)}`, 'data-agency': agency.agency },
    el('h3', {}, agency.agencyName ? `${agency.agencyName} (${agency.agency})` : agency.agency),
    el('dl', {}, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
  );
}

function renderHealth(snapshot) {
  const tiles = snapshot.agencies.map(agencyTile);
  $('agency-tiles').replaceChildren(
    ...(tiles.length > 0 ? tiles : [el('p', { className: 'empty' }, 'No agency heard of yet.')]),
  );
  const mostBehindFirst = [...snapshot.consumerLag].sort((a, b) => b.totalLag - a.totalLag);
  $('lag-rows').replaceChildren(
    ...mostBehindFirst.map((group) =>
      el(
        'tr',
        {},
        el('td', {}, group.groupId),
        el('td', {}, group.state),
        el('td', { className: 'number' }, group.members),
        el('td', { className: 'number' }, group.totalLag),
        el(
          'td',
          {},
          group.partitions
            .filter((partition) => partition.lag > 0)
            .map((partition) => `${partition.topic}/${partition.partition}: ${partition.lag}`)
            .join(', '),
        ),
      ),
    ),
  );
}

/* Dead letters */

function scheduleDeadLetterReload() {
  clearTimeout(state.deadLetterReload);
  state.deadLetterReload = setTimeout(() => void guarded(loadDeadLetters), 250);
}

async function loadDeadLetters() {
  const query = new URLSearchParams({ limit: String(DEAD_LETTER_PAGE) });
  const agency = $('dead-letter-agency').value.trim();
  const letterState = $('dead-letter-state').value;
  if (agency) query.set('agency', agency);
  if (letterState) query.set('state', letterState);
  const { items } = await api(`/v1/dead-letters?${query}`);
  const selectable = new Set(
    items.filter((item) => item.state === 'parked').map((item) => item.id),
  );
  state.selected = new Set([...state.selected].filter((id) => selectable.has(id)));
  $('dead-letter-select-all').checked =
    selectable.size > 0 && state.selected.size === selectable.size;
  $('dead-letter-rows').replaceChildren(
    ...(items.length > 0
      ? items.map(deadLetterRow)
      : [el('tr', {}, el('td', { colspan: 10, className: 'empty' }, 'No dead letters.'))]),
  );
}

function deadLetterRow(letter) {
  return el(
    'tr',
    { 'data-dead-letter': letter.id },
    el(
      'td',
      {},
      el('input', {
        type: 'checkbox',
        name: 'dead-letter',
        value: letter.id,
        'aria-label': `Select dead letter ${letter.id}`,
        disabled: letter.state !== 'parked',
        checked: state.selected.has(letter.id),
        onchange: (event) => {
          if (event.target.checked) state.selected.add(letter.id);
          else state.selected.delete(letter.id);
        },
      }),
    ),
    el(
      'td',
      {},
      el(
        'button',
        {
          type: 'button',
          className: 'link',
          onclick: () => void guarded(() => showDeadLetter(letter.id)),
        },
        letter.id,
      ),
    ),
    el('td', {}, letter.agency),
    el('td', {}, applicationLink(letter.applicationId)),
    el('td', {}, letter.eventType ?? ''),
    el('td', {}, letter.reason ?? ''),
    el('td', {}, letter.error ?? ''),
    el('td', { className: 'number' }, letter.attempts ?? ''),
    el('td', {}, time(letter.failedAt)),
    el(
      'td',
      {},
      letter.handling
        ? `${letter.state} by ${letter.handling.by}: ${letter.handling.reason}`
        : letter.state,
    ),
  );
}

async function showDeadLetter(id) {
  const detail = await api(`/v1/dead-letters/${encodeURIComponent(id)}`);
  const view = $('dead-letter-detail');
  view.textContent = JSON.stringify(detail, null, 2);
  view.hidden = false;
}

async function actOnSelection(event) {
  event.preventDefault();
  const action = event.submitter?.value === 'discard' ? 'discard' : 'replay';
  const ids = [...state.selected];
  if (ids.length === 0) {
    notify('Select the dead letters first.');
    return;
  }
  const reason = $('dead-letter-reason').value.trim();
  const { deadLetters } = await api(`/v1/dead-letters/${action}`, {
    method: 'POST',
    body: { ids, reason },
  });
  $('dead-letter-reason').value = '';
  state.selected.clear();
  notify(`${deadLetters.length} dead letter(s) ${action === 'replay' ? 'replayed' : 'discarded'}.`);
  await loadDeadLetters();
}

/* Timeline */

async function loadTimeline(applicationId) {
  state.timelineId = applicationId;
  $('timeline-id').value = applicationId;
  let timeline;
  try {
    timeline = await api(`/v1/applications/${encodeURIComponent(applicationId)}/timeline`);
  } catch (error) {
    if (error instanceof SignedOut) throw error;
    $('timeline').replaceChildren(el('p', { className: 'empty' }, error.message));
    return;
  }
  $('timeline').replaceChildren(
    el(
      'p',
      {},
      `${timeline.hops.length} hops from ${time(timeline.startedAt)} to ${time(timeline.lastAt)}, `,
      el('strong', { id: 'timeline-total' }, `total ${timeline.totalMs} ms`),
    ),
    el(
      'table',
      { className: 'data', id: 'timeline-hops' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['#', 'hop', 'at', 'since previous', 'took', 'outcome', 'component', 'detail'].map(
            (heading) => el('th', {}, heading),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        timeline.hops.map((hop, index) =>
          el(
            'tr',
            {},
            el('td', { className: 'number' }, index + 1),
            el('td', {}, hop.hop),
            el('td', {}, time(hop.at)),
            el('td', { className: 'number' }, milliseconds(hop.sincePreviousMs)),
            el('td', { className: 'number' }, milliseconds(hop.durationMs)),
            el('td', {}, hop.outcome ?? ''),
            el('td', {}, `${hop.component} ${hop.instance}`),
            el(
              'td',
              {},
              Object.entries(hop.detail ?? {})
                .map(([name, value]) => `${name}=${value}`)
                .join(' '),
            ),
          ),
        ),
      ),
    ),
  );
}

/* Wiring */

function wire() {
  $('sign-in-form').addEventListener('submit', (event) => void signIn(event));
  $('sign-out').addEventListener('click', () => void signOut());
  $('timeline-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(() => loadTimeline($('timeline-id').value.trim()));
  });
  $('dead-letter-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(loadDeadLetters);
  });
  $('dead-letter-action').addEventListener(
    'submit',
    (event) => void guarded(() => actOnSelection(event)),
  );
  $('dead-letter-select-all').addEventListener('change', (event) => {
    for (const box of document.querySelectorAll('input[name="dead-letter"]:not(:disabled)')) {
      box.checked = event.target.checked;
      if (box.checked) state.selected.add(box.value);
      else state.selected.delete(box.value);
    }
  });
}

async function start() {
  wire();
  try {
    await showDashboard(await api('/v1/me'));
  } catch (error) {
    showSignIn(error instanceof SignedOut ? '' : error.message);
  }
}

void start();
