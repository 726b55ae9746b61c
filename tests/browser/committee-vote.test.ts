import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as re from '../scenarios/data/reassignment-data';
import { apiClient } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { textOf } from './support/wait-for';

const PHONE_360 = { width: 360, height: 740 };
const FOR_1 = '同意调整，105站站长熟悉支部工作。';
const AGAINST = '继任人选经验不足，建议再考察。';
const FOR_2 = '同意，请包片领导做好谈话。';

/**
 * 支部书记岗位调整 decided by the district committee's vote (区委会表决): the proposing leader and the
 * secretary have no ballot; each other leader votes on his own task with his opinion; two of three
 * for pass it; the case page keeps each member's ballot and opinion under his name.
 */
describe('the district committee vote', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let caseId = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    api = apiClient(server.url);
    caseId = await atCommitteeVote();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  async function ballotOf(user: string): Promise<string> {
    const view = await api.call<{ tasks: { id: string; signer: string | null }[] }>(
      user,
      'GET',
      `/api/instances/${caseId}`,
    );
    const task = view.tasks.find((t) => t.signer === user);
    if (!task) throw new Error(`${user} has no ballot`);
    return task.id;
  }

  async function complete(user: string, stateId: string, outcome: string, data: Record<string, unknown>) {
    const taskId = await api.taskAt(user, caseId, stateId);
    await api.call(user, 'POST', `/api/tasks/${taskId}/complete`, { outcome, data });
  }

  /** leader2 proposes moving sec2; every opinion is in and the organisation group names head105. */
  async function atCommitteeVote(): Promise<string> {
    const started = await api.call<{ id: string }>('leader2', 'POST', '/api/instances', {
      definitionKey: 'branch-secretary-reassignment',
      data: re.proposal(),
    });
    caseId = started.id;
    for (const [user, capacity] of [
      ['com2a', 'branchCommitteeMember'],
      ['com2b', 'branchCommitteeMember'],
    ] as const) {
      await complete(user, 'opinions.committee.collecting', 'submit', re.opinion(capacity));
    }
    for (const user of ['rep3', 'rep4']) {
      await complete(user, 'opinions.reps.collecting', 'submit', re.opinion('workerRep'));
    }
    await complete('org1', 'organisationReview', 'submit', re.review());
    return started.id;
  }

  async function openBallot(page: Page, user: string): Promise<void> {
    await page.goto(`${server.url}/tasks/${await ballotOf(user)}`);
    await page.locator('#root_opinion').waitFor();
  }

  it('given a district leader at 1280 px, when he opens his ballot, then he votes for with his opinion', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'leader1');
    await openBallot(page, 'leader1');
    expect(await textOf(page.locator('main'), '区委会表决')).toContain('区委会表决');
    await shot(page, 'committee-ballot-desktop-zh');
    await page.locator('#root_opinion').fill(FOR_1);
    await page.getByRole('button', { name: /^同意调整/ }).click();
    await page.getByText('已提交：同意调整').waitFor();
    await page.goto(`${server.url}/cases/${caseId}`);
    const tally = page.locator('.vote-tally');
    expect(await textOf(tally, '表决中')).toContain('同意 1 票，不同意 0 票，未表决 2 人；应表决 3 人');
    await shot(page, 'committee-vote-open-desktop-zh');
  });

  it('given the proposing leader, then he has no ballot and the API refuses him one', async () => {
    const view = await api.call<{ tasks: { signer: string | null }[] }>(
      'leader2',
      'GET',
      `/api/instances/${caseId}`,
    );
    expect(view.tasks.map((t) => t.signer).sort()).toEqual(['leader3', 'leader4']);
    const refused = await api
      .call('leader2', 'POST', `/api/tasks/${await ballotOf('leader3')}/complete`, {
        outcome: 'approve',
        data: re.vote(),
      })
      .catch((e: Error) => e.message);
    expect(refused).toContain('403');
    expect(refused).toContain('separation-of-duties');
  });

  it('given a second leader on a 360 px phone, when he votes against, then his reason is required and kept', async () => {
    const { page } = await newPerson(browser, PHONE_360);
    await signIn(page, server.url, 'leader3');
    await openBallot(page, 'leader3');
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'committee-ballot-phone-zh');
    await page.getByRole('button', { name: /不同意调整/ }).click();
    const comment = page.locator('textarea').last();
    await comment.fill(AGAINST);
    await page
      .getByRole('button', { name: /不同意调整/ })
      .last()
      .click();
    await page.getByText('已提交：不同意调整').waitFor();
    await shot(page, 'committee-ballot-phone-against-zh');
  });

  it('given the third member votes for, when the case page opens, then 2 of 3 passed it and each opinion stands under its member', async () => {
    await api.call('leader4', 'POST', `/api/tasks/${await ballotOf('leader4')}/complete`, {
      outcome: 'approve',
      data: re.vote({ opinion: FOR_2 }),
    });
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'leader4');
    await page.goto(`${server.url}/cases/${caseId}`);
    const records = page.locator('.step-records .step-record');
    await records.nth(8).waitFor();
    const text = (await page.locator('.step-records').textContent()) ?? '';
    expect(text).toContain(FOR_1);
    expect(text).toContain(AGAINST);
    expect(text).toContain(FOR_2);
    // Names come from the directory after the records render: wait for them, then read.
    for (const name of ['刘永刚', '高勇', '唐立军'])
      await page.locator('.step-record-by', { hasText: name }).first().waitFor();
    const by = (await page.locator('.step-record-by').allInnerTexts()).join(' ');
    for (const name of ['刘永刚', '高勇', '唐立军']) expect(by).toContain(name);
    expect(await textOf(page.locator('main'), '调整谈话')).toContain('调整谈话');
    // The branch committee's and the reps' opinion rounds are votes too; the committee's is the last.
    const tally = page.locator('.vote-tally .vote').last();
    expect(await textOf(tally, '区委会表决')).toContain('表决通过');
    const said = (await tally.textContent()) ?? '';
    expect(said).toContain('同意 2 票，不同意 1 票，未表决 0 人；应表决 3 人');
    expect(said).toContain('需 2 票同意');
    expect(said).toContain('2/3');
    expect(await tally.locator('.vote-members li').allInnerTexts()).toEqual([
      expect.stringMatching(/刘永刚[\s\S]*同意/),
      expect.stringMatching(/高勇[\s\S]*不同意/),
      expect.stringMatching(/唐立军[\s\S]*同意/),
    ]);
    await tally.scrollIntoViewIfNeeded();
    await shot(page, 'committee-case-record-desktop-zh');
    await shot(page, 'committee-case-tally-screen-zh', false);
  });
});
