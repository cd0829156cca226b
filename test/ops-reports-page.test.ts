import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Topics } from '@mpp/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freshSeed, groupAtEnd, seedMonth, startSeedingGateway } from './support/demo-month';
import type { RunningGateway } from './support/gateway-harness';
import { connectedProducer, testKafka } from './support/kafka-probe';
import { startOps, type RunningOps, type TestOperator } from './support/ops-harness';

/** Debian's chromium; CI installs it with `apt-get install -y chromium`. */
const CHROMIUM = '/usr/bin/chromium';
const CHARTS = ['ikm-chart', 'sla-agency-chart', 'sla-service-chart', 'turnaround-chart'];
const CATEGORY_COLOURS = ['#1f7a45', '#1b5fa8', '#a96300', '#b3261e'];

/** How many pixels of a canvas something was drawn on. */
function paintedPixels(page: Page, canvasId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = (globalThis as any).document.getElementById(id);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] > 0) painted++;
    return painted;
  }, canvasId);
}

interface ChartSnapshot {
  labels: string[];
  datasets: { label: string; data: (number | null)[]; colours: string[] }[];
}

/** What Chart.js holds for a canvas: its labels and datasets. */
function chartData(page: Page, canvasId: string): Promise<ChartSnapshot> {
  return page.evaluate((id) => {
    const browser = globalThis as any;
    const chart = browser.Chart.getChart(browser.document.getElementById(id));
    return {
      labels: chart.data.labels,
      datasets: chart.data.datasets.map((set: any) => ({
        label: set.label,
        data: set.data,
        colours: [set.backgroundColor].flat(),
      })),
    };
  }, canvasId);
}

describe('ops reports page in headless Chromium, after seeding (real gateway, Kafka, PostgreSQL)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let gateway: RunningGateway;
  let ops: RunningOps;
  let operator: TestOperator;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`,
      );
    }
    kafka = testKafka();
    gateway = await startSeedingGateway(kafka);
    producer = await connectedProducer(kafka);
    await seedMonth(gateway, producer, freshSeed());
    const opsClient = await gateway.createClient(['ops'], []);
    const run = randomUUID().slice(0, 8);
    const flowGroup = `test-reports-page-flow-${run}`;
    await groupAtEnd(kafka, flowGroup, [Topics.flow]);
    ops = await startOps({
      OPS_FLOW_GROUP_ID: flowGroup,
      OPS_GATEWAY_URL: gateway.url,
      OPS_GATEWAY_API_KEY: opsClient.apiKey,
    });
    operator = await ops.createOperator('ops');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await producer?.disconnect();
    await ops?.close();
    await gateway?.close();
  }, 30000);

  it('asks for the dashboard sign-in first, and serves Chart.js itself', async () => {
    await page.goto(`${ops.url}/reports.html`);
    await page.getByText('sign in on the dashboard').waitFor();
    const library = await fetch(`${ops.url}/vendor/chart.umd.min.js`);
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toContain('javascript');
    expect(await library.text()).toContain('Chart.js');
    expect((await ops.request('/v1/reports/ikm?from=2026-01-01&to=2026-01-31')).status).toBe(401);
  });

  it('opens from the dashboard link and draws every chart for the last 30 days', async () => {
    await page.goto(ops.url);
    await page.locator('#api-key').fill(operator.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`${operator.name} (ops)`).waitFor();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.locator('#period-state', { hasText: 'respondents' }).waitFor();

    for (const chart of CHARTS) {
      expect(await paintedPixels(page, chart)).toBeGreaterThan(2000);
    }
    await page.screenshot({ path: '/tmp/mpp-reports-page.png', fullPage: true });
  });

  it('colours IKM per agency by category, with the A-D legend', async () => {
    const legend = await page.locator('#ikm-legend li').allTextContents();
    expect(legend.map((item) => item.slice(0, 1))).toEqual(['A', 'B', 'C', 'D']);
    expect(legend[0]).toContain('Sangat Baik');

    const ikm = await chartData(page, 'ikm-chart');
    expect(ikm.labels).toEqual(
      expect.arrayContaining([
        'Dinas Kependudukan dan Pencatatan Sipil Kota Batam',
        'Badan Pengusahaan Batam',
      ]),
    );
    const [scores] = ikm.datasets;
    expect(scores.data.every((score) => score! >= 25 && score! <= 100)).toBe(true);
    expect(scores.colours.every((colour) => CATEGORY_COLOURS.includes(colour))).toBe(true);
    // The seeded agencies differ: not every bar is in the same category.
    expect(new Set(scores.colours).size).toBeGreaterThan(1);
    expect(await page.locator('#ikm-table tbody tr').count()).toBe(ikm.labels.length);
  });

  it('shows SLA compliance per agency and per service, the agencies in the legend', async () => {
    const perAgency = await chartData(page, 'sla-agency-chart');
    expect(perAgency.datasets.map((set) => set.label)).toEqual(
      expect.arrayContaining(['bpbatam', 'disdukcapil', 'dpmptsp']),
    );
    const perService = await chartData(page, 'sla-service-chart');
    expect(perService.labels).toEqual(
      expect.arrayContaining(['Nomor Induk Berusaha (risiko rendah)', 'Perubahan Kartu Keluarga']),
    );
    const shares = perService.datasets
      .flatMap((set) => set.data)
      .filter((share): share is number => share !== null);
    expect(shares.length).toBeGreaterThanOrEqual(7);
    expect(shares.every((share) => share >= 0 && share <= 100)).toBe(true);
  });

  it('shows turnaround per service as median, 90th percentile and standard', async () => {
    const turnaround = await chartData(page, 'turnaround-chart');
    expect(turnaround.datasets.map((set) => set.label)).toEqual([
      'median',
      '90th percentile',
      'standard',
    ]);
    const [median, p90, standard] = turnaround.datasets;
    const nib = turnaround.labels.indexOf('Nomor Induk Berusaha (risiko rendah)');
    expect(standard.data[nib]).toBe(1);
    expect(median.data[nib]).toBeGreaterThan(0);
    expect(p90.data[nib]).toBeGreaterThanOrEqual(median.data[nib]!);
  });

  it('draws another period on request, and says so when it has no data', async () => {
    await page.locator('#period-from').fill('2020-01-01');
    await page.locator('#period-to').fill('2020-01-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page
      .locator('#period-state', { hasText: '2020-01-01 to 2020-01-31: 0 respondents' })
      .waitFor();
    expect(page.url()).toContain('from=2020-01-01&to=2020-01-31');
    expect((await chartData(page, 'ikm-chart')).labels).toEqual([]);
  });
});
