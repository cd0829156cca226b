import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DeadLetterReasons, Topics } from '@mpp/contracts';
import type { Producer } from 'kafkajs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { connectedProducer, testKafka, TopicRecorder } from './support/kafka-probe';
import {
  parkDeadLetter,
  provisionAgencyTopics,
  publishFlowRecords,
  startOps,
  submissionJourney,
  SUBMISSION_HOPS,
  type RunningOps,
  type TestOperator,
} from './support/ops-harness';
import { waitFor } from './support/wait-for';

/** Debian's chromium; CI installs it with `apt-get install -y chromium`. */
const CHROMIUM = '/usr/bin/chromium';

const agency = `dash${randomUUID().slice(0, 6)}`;

describe('ops dashboard in headless Chromium (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let ops: RunningOps;
  let operator: TestOperator;
  let browser: Browser;
  let page: Page;
  let applications: TopicRecorder;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`,
      );
    }
    producer = await connectedProducer(kafka);
    await provisionAgencyTopics(kafka, agency);
    applications = new TopicRecorder(kafka);
    await applications.start([Topics.applicationsOf(agency)]);
    ops = await startOps();
    operator = await ops.createOperator('ops');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await producer?.disconnect();
    await applications?.stop();
    await ops?.close();
  }, 30000);

  it('signs in with an API key into an HttpOnly session the page cannot read', async () => {
    await page.goto(ops.url);
    await page.locator('#api-key').fill('mppops_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That key is not valid or was revoked.').waitFor();

    await page.locator('#api-key').fill(operator.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`${operator.name} (ops)`).waitFor();
    await page.locator('#live-state').waitFor();

    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'mpp_ops_session', httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain('mppops_');
  });

  it("shows a published application's timeline with every hop and its latency", async () => {
    const applicationId = randomUUID();
    await publishFlowRecords(producer, submissionJourney(applicationId, agency));
    // The live feed shows the records as they arrive.
    await page.locator('#feed-rows').getByText(applicationId).first().waitFor();

    await page.locator('#timeline-id').fill(applicationId);
    await page.getByRole('button', { name: 'Show timeline' }).click();
    const rows = page.locator('#timeline-hops tbody tr');
    await waitFor(async () => (await rows.count()) === 6, { what: 'six hops on the page' });
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(SUBMISSION_HOPS);
    expect(await rows.locator('td:nth-child(4)').allTextContents()).toEqual([
      '',
      '35 ms',
      '45 ms',
      '300 ms',
      '20 ms',
      '50 ms',
    ]);
    expect(await page.locator('#timeline-total').textContent()).toBe('total 450 ms');
  });

  it('replays a dead letter from the page: it leaves the list and reaches its source topic', async () => {
    const applicationId = randomUUID();
    await parkDeadLetter(
      producer,
      agency,
      { key: applicationId, value: JSON.stringify({ applicationId }), headers: {} },
      { reason: DeadLetterReasons.malformed, error: 'MalformedMessageError: missing header' },
    );
    const row = page.locator('#dead-letter-rows tr', { hasText: applicationId });
    await page.locator('#dead-letter-agency').fill(agency);
    await page.getByRole('button', { name: 'Filter' }).click();
    // The list follows new dead letters live.
    await row.waitFor();
    await page.locator(`[data-agency="${agency}"]`).waitFor();

    await row.getByRole('checkbox').check();
    await page.locator('#dead-letter-reason').fill('parser fixed in adapter 1.4.2');
    await page.getByRole('button', { name: 'Replay selected' }).click();
    await page.getByText('1 dead letter(s) replayed.').waitFor();
    await row.waitFor({ state: 'detached' });

    await waitFor(() => applications.byKey(applicationId).length === 1, {
      what: 'the replayed message on the source topic',
    });
    const replayed = await ops.request(`/v1/dead-letters?agency=${agency}&state=replayed`, {
      apiKey: operator.apiKey,
    });
    expect(replayed.body.items[0]).toMatchObject({
      applicationId,
      handling: { by: operator.name, reason: 'parser fixed in adapter 1.4.2' },
    });
  });

  it('signs out and shows the sign-in form again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Signed out.').waitFor();
    await page.reload();
    await page.locator('#api-key').waitFor();
    expect(await page.locator('#dashboard-view').isHidden()).toBe(true);
  });
});
