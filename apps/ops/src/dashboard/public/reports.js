/* global history, location, Chart */
// The reports page: IKM per agency in its category colours, SLA compliance per agency and per
// service, and turnaround per service, for a chosen period. The figures come from the gateway's
// reports through the ops API (the dashboard's session); Chart.js draws them.

import { $, api, el, SignedOut } from './page-kit.js';

/** PermenPANRB 14/2017, on the converted scale; colours as the dashboard's ok/accent/warn/bad. */
const CATEGORIES = [
  { code: 'A', name: 'Sangat Baik', range: '88.31–100', colour: '#1f7a45' },
  { code: 'B', name: 'Baik', range: '76.61–88.30', colour: '#1b5fa8' },
  { code: 'C', name: 'Kurang Baik', range: '65.00–76.60', colour: '#a96300' },
  { code: 'D', name: 'Tidak Baik', range: '25.00–64.99', colour: '#b3261e' },
];
/** Apart from the category colours, so an agency is never read as a category. */
const AGENCY_COLOURS = ['#0f7c86', '#6a3fa0', '#44546a', '#8c5a2b', '#a83f6f', '#6b7a1f'];
const TURNAROUND = { median: '#1b5fa8', p90: '#7fa7d6', standard: '#5b6577' };
const WORKING_HOURS_A_DAY = 8;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

const charts = new Map();

const percent = (rate) =>
  rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
const figure = (value, unit = '') =>
  value === null || value === undefined ? '–' : `${value}${unit}`;
const agencyLabel = (row) => row.agencyName ?? row.agency;
const serviceLabel = (row) => row.serviceName?.id ?? row.serviceCode;
const agencyOf = (serviceCode) => serviceCode.slice(0, serviceCode.indexOf('.'));

function jakartaDate(offsetDays = 0) {
  return new Date(Date.now() + JAKARTA_OFFSET_MS + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function draw(canvasId, config, description) {
  charts.get(canvasId)?.destroy();
  const canvas = $(canvasId);
  canvas.setAttribute('aria-label', description);
  charts.set(canvasId, new Chart(canvas, config));
}

function fillTable(tableId, header, rows) {
  $(tableId).replaceChildren(
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        header.map((heading) => el('th', {}, heading)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((cell) => el('td', {}, figure(cell))),
        ),
      ),
    ),
  );
}

/* Loading */

async function load(from, to) {
  const period = new URLSearchParams({ from, to });
  $('period-state').textContent = 'Loading…';
  const [ikm, performance, catalog] = await Promise.all([
    api(`/v1/reports/ikm?${period}`),
    api(`/v1/reports/performance?${period}`),
    api('/v1/reports/services'),
  ]);
  const agencies = performance.agencies ?? [];
  const perAgency = await Promise.all(
    agencies.map(({ agency }) =>
      api(`/v1/reports/performance/agencies/${encodeURIComponent(agency)}?${period}`),
    ),
  );
  const services = perAgency.flatMap((report) => report.services ?? []);
  const colours = agencyColours([
    ...agencies.map((row) => row.agency),
    ...services.map((s) => agencyOf(s.serviceCode)),
  ]);
  const standards = new Map(
    catalog.services.map((service) => [service.code, service.standardTime]),
  );

  renderSummary(ikm.total, performance.total);
  renderIkm(ikm.agencies ?? []);
  renderSlaPerAgency(agencies, colours);
  renderSlaPerService(services, colours);
  renderTurnaround(services, standards);
  $('period-state').textContent =
    `${from} to ${to}: ${ikm.total.respondents} respondents, ` +
    `${performance.total.finished.total} applications finished.`;
}

function agencyColours(agencies) {
  const codes = [...new Set(agencies)].sort();
  return new Map(codes.map((code, index) => [code, AGENCY_COLOURS[index % AGENCY_COLOURS.length]]));
}

/* The centre's figures */

function renderSummary(ikm, performance) {
  const facts = [
    [
      'IKM (converted)',
      ikm.convertedScore === null ? '–' : `${ikm.convertedScore} ${ikm.category}`,
    ],
    ['respondents', figure(ikm.respondents)],
    ['finished', figure(performance.finished.total)],
    ['completion rate', percent(performance.finished.completionRate)],
    ['SLA compliance', percent(performance.sla.compliance)],
    ['median turnaround', figure(performance.agencyHours.median, ' h')],
    ['backlog now', figure(performance.backlog.total)],
    ['overdue now', figure(performance.overdue)],
  ];
  $('summary').replaceChildren(
    ...facts.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value))),
  );
}

/* IKM per agency, coloured by category */

function renderIkm(agencies) {
  const colourOf = (category) => CATEGORIES.find((c) => c.code === category)?.colour ?? '#5b6577';
  $('ikm-legend').replaceChildren(
    ...CATEGORIES.map((category) =>
      el(
        'li',
        { className: `category-${category.code}` },
        `${category.code} ${category.name} (${category.range})`,
      ),
    ),
  );
  draw(
    'ikm-chart',
    {
      type: 'bar',
      data: {
        labels: agencies.map(agencyLabel),
        datasets: [
          {
            label: 'IKM (converted score)',
            data: agencies.map((row) => row.convertedScore),
            backgroundColor: agencies.map((row) => colourOf(row.category)),
          },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { min: 0, max: 100, title: { display: true, text: 'converted score' } } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              afterLabel: ({ dataIndex }) => {
                const row = agencies[dataIndex];
                return `${row.category} ${row.categoryName?.id ?? ''}, ${row.respondents} respondents`;
              },
            },
          },
        },
      },
    },
    `IKM of ${agencies.length} agencies on the converted scale, coloured by category`,
  );
  fillTable(
    'ikm-table',
    ['agency', 'respondents', 'IKM', 'converted score', 'category'],
    agencies.map((row) => [
      agencyLabel(row),
      row.respondents,
      row.ikm,
      row.convertedScore,
      row.category,
    ]),
  );
}

/* SLA compliance */

/** One dataset per agency, so the legend names the agencies by their colours. */
function perAgencyDatasets(rows, colours, agencyCodeOf, valueOf) {
  return [...colours].map(([agency, colour]) => ({
    label: agency,
    data: rows.map((row) => (agencyCodeOf(row) === agency ? valueOf(row) : null)),
    backgroundColor: colour,
    grouped: false,
  }));
}

function slaChart(labels, datasets) {
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: 100, title: { display: true, text: '% within standard' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}

const compliance = (row) =>
  row.sla.compliance === null ? null : Math.round(row.sla.compliance * 1000) / 10;

function renderSlaPerAgency(agencies, colours) {
  draw(
    'sla-agency-chart',
    slaChart(
      agencies.map(agencyLabel),
      perAgencyDatasets(agencies, colours, (row) => row.agency, compliance),
    ),
    `Share of decided applications within the service standard, ${agencies.length} agencies`,
  );
  fillTable(
    'sla-agency-table',
    ['agency', 'decided', 'within standard', 'compliance', 'overdue now'],
    agencies.map((row) => [
      agencyLabel(row),
      row.sla.measured,
      row.sla.met,
      percent(row.sla.compliance),
      row.overdue,
    ]),
  );
}

function renderSlaPerService(services, colours) {
  draw(
    'sla-service-chart',
    slaChart(
      services.map(serviceLabel),
      perAgencyDatasets(services, colours, (row) => agencyOf(row.serviceCode), compliance),
    ),
    `Share of decided applications within the service standard, ${services.length} services`,
  );
  fillTable(
    'sla-service-table',
    ['service', 'decided', 'within standard', 'compliance', 'backlog now', 'overdue now'],
    services.map((row) => [
      serviceLabel(row),
      row.sla.measured,
      row.sla.met,
      percent(row.sla.compliance),
      row.backlog.total,
      row.overdue,
    ]),
  );
}

/* Turnaround */

function standardHours(standard) {
  if (!standard) return null;
  return standard.unit === 'working_days' ? standard.value * WORKING_HOURS_A_DAY : standard.value;
}

function renderTurnaround(services, standards) {
  const standardOf = (row) => standardHours(standards.get(row.serviceCode));
  const dataset = (label, colour, valueOf) => ({
    label,
    data: services.map(valueOf),
    backgroundColor: colour,
  });
  draw(
    'turnaround-chart',
    {
      type: 'bar',
      data: {
        labels: services.map(serviceLabel),
        datasets: [
          dataset('median', TURNAROUND.median, (row) => row.agencyHours.median),
          dataset('90th percentile', TURNAROUND.p90, (row) => row.agencyHours.p90),
          dataset('standard', TURNAROUND.standard, standardOf),
        ],
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: 'working hours (8 a working day)' },
            // Powers of ten only: the scale's 2s, 3s and 5s crowd each other.
            ticks: { callback: (value) => (Number.isInteger(Math.log10(value)) ? value : '') },
          },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    `Median and 90th percentile turnaround in working hours of ${services.length} services, with their standards`,
  );
  fillTable(
    'turnaround-table',
    [
      'service',
      'median (h)',
      '90th percentile (h)',
      'standard (h)',
      'turnaround median incl. applicant (h)',
    ],
    services.map((row) => [
      serviceLabel(row),
      row.agencyHours.median,
      row.agencyHours.p90,
      standardOf(row),
      row.turnaroundHours.median,
    ]),
  );
}

/* Wiring */

async function show(from, to) {
  try {
    await load(from, to);
  } catch (error) {
    if (error instanceof SignedOut) showSignedOut();
    else $('period-state').textContent = error.message;
  }
}

function showSignedOut() {
  $('reports-view').hidden = true;
  $('signed-out-view').hidden = false;
}

async function start() {
  let operator;
  try {
    operator = await api('/v1/me');
  } catch {
    showSignedOut();
    return;
  }
  $('operator').textContent = `${operator.name} (${operator.role})`;
  $('reports-view').hidden = false;
  const asked = new URLSearchParams(location.search);
  $('period-from').value = asked.get('from') ?? jakartaDate(-29);
  $('period-to').value = asked.get('to') ?? jakartaDate();
  $('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const from = $('period-from').value;
    const to = $('period-to').value;
    history.replaceState(null, '', `?${new URLSearchParams({ from, to })}`);
    void show(from, to);
  });
  await show($('period-from').value, $('period-to').value);
}

void start();
