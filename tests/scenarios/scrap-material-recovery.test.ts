import { beforeEach, describe, expect, it } from 'vitest';
import * as s from './data/scrap-data';
import { drivers } from './drivers';
import type { RuntimeDriver } from './runtime-driver';
import type { ScenarioDriver } from './scenario-driver';
import { expectReplayMatches, notices, refusal, statesOf, trail, whoHolds } from './scenario-helpers';

const KEY = 'scrap-material-recovery';
const INSPECTORS = ['insp1', 'insp2', 'insp3'];

describe.each(drivers)('废旧物资回收 scrap-material-recovery ($name)', ({ create }) => {
  let d: ScenarioDriver;
  beforeEach(async () => {
    d = await create();
  });

  async function confirmed(): Promise<string> {
    const id = await d.start(KEY, 'head113', s.handIn());
    await d.complete(id, 'sup113', 'confirm', s.confirmation());
    return id;
  }

  const steps = async (id: string) =>
    ((await d.snapshot(id)).data.trail as { step: string; by: string }[]).map((t) => `${t.step} ${t.by}`);

  it('given the full flow, when confirmed, received and rewarded, then every item has a trail', async () => {
    const id = await d.start(KEY, 'head113', s.handIn());
    expect(await whoHolds(d, id)).toEqual({ confirmation: ['sup113'] });
    await d.complete(id, 'sup113', 'confirm', s.confirmation());
    expect(await whoHolds(d, id)).toEqual({ stockReceipt: ['biz1', 'biz2'] });
    await d.complete(id, 'biz1', 'receive', s.receipt(12000));
    expect(await whoHolds(d, id)).toEqual({ reward: ['biz1', 'biz2'] });
    await d.complete(id, 'biz2', 'pay', s.reward());
    const data = (await d.snapshot(id)).data;
    expect(await statesOf(d, id)).toEqual(['rewarded']);
    expect(data).toMatchObject({ rewardRate: 5, rewardAmount: 600, missingItems: [] });
    expect(await steps(id)).toEqual([
      'handedIn head113',
      'confirmed sup113',
      'received biz1',
      'rewarded biz2',
    ]);
    expect(
      (data.trail as { itemNos: string[] }[]).every((t) => t.itemNos.join() === s.itemNos().join()),
    ).toBe(true);
    expect(await trail(d, id)).toEqual([
      'head113 start',
      'sup113 complete confirm',
      'biz1 complete receive',
      'biz2 complete pay',
    ]);
    await expectReplayMatches(d, id);
  });

  it('given a worker of another station, when they hand in for station 113, then it is not permitted', async () => {
    expect(await refusal(d.start(KEY, 'w001', s.handIn()))).toBe('not-permitted');
  });

  describe('numbers and discrepancies', () => {
    it('given two items with one number, when handed in by a worker, then the list goes back for correction', async () => {
      const id = await d.start(KEY, 'w013', s.duplicated());
      expect(await whoHolds(d, id)).toEqual({ correction: ['head113', 'w013'] });
      expect((await d.snapshot(id)).data.numberingProblem).toBe('duplicateItemNo');
      const { station: _, ...corrected } = s.handIn();
      await d.complete(id, 'w013', 'resubmit', corrected);
      expect(await whoHolds(d, id)).toEqual({ confirmation: ['sup113'] });
      expect(await steps(id)).toEqual(['handedIn w013']);
      await expectReplayMatches(d, id);
    });

    it('given the station, when the correction changes it, then the field is read-only', async () => {
      const id = await d.start(KEY, 'head113', s.duplicated());
      expect(await refusal(d.complete(id, 'head113', 'resubmit', s.handIn()))).toBe('invalid-form');
    });

    it('given a discrepancy, when the supervisor reports it, then the station corrects the list', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      await d.complete(
        id,
        'sup113',
        'confirm',
        s.confirmation({ checkResult: 'discrepancy', discrepancyDetails: `${s.itemNos()[1]} 实物28根` }),
      );
      expect(await whoHolds(d, id)).toEqual({ correction: ['head113'] });
      expect(await steps(id)).toEqual(['handedIn head113', 'discrepancy sup113']);
    });
  });

  describe('the discipline group', () => {
    it('given private disposal is not ruled out, when confirmed, then the group checks and may refer it', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      await d.complete(
        id,
        'sup113',
        'confirm',
        s.confirmation({ noPrivateDisposal: false, comment: '听说有旧电缆被卖' }),
      );
      expect(await whoHolds(d, id)).toEqual({ disciplineCheck: INSPECTORS });
      await d.complete(id, 'insp2', 'refer', s.discipline(), { comment: '查实私卖电缆' });
      expect(await statesOf(d, id)).toEqual(['referred']);
      expect(await notices(d, id, 'message')).toEqual([['leader3']]);
    });

    it('given private disposal found, when referred (移交追责), then an accountability investigation opens with the items', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      await d.complete(id, 'sup113', 'confirm', s.confirmation({ noPrivateDisposal: false }));
      expect(await refusal(d.complete(id, 'insp2', 'refer', undefined, { comment: '查实' }))).toBe(
        'invalid-form',
      );
      await d.complete(id, 'insp2', 'refer', s.discipline(), { comment: '查实私卖电缆' });
      const [child] = await d.children(id);
      const investigation = await d.snapshot(child!);
      expect(investigation.definitionKey).toBe('accountability-investigation');
      expect(investigation.data).toMatchObject({
        source: 'scrapRecovery',
        unit: 'station-113',
        personConcerned: 'w013',
        occurredOn: '2026-03-02',
        details: s.discipline().disposalFindings,
        relatedItems: [
          { itemNo: s.itemNos()[0], name: '废旧油管', quantity: 12, measureUnit: 'piece' },
          { itemNo: s.itemNos()[1], name: '抽油杆', quantity: 30, measureUnit: 'piece' },
        ],
      });
      expect(await whoHolds(d, child!)).toEqual({ investigate: INSPECTORS });
      await expectReplayMatches(d, id);
    });

    it('given the group clears it, then the scrap goes on into stock', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      await d.complete(id, 'sup113', 'confirm', s.confirmation({ noPrivateDisposal: false }));
      await d.complete(id, 'insp1', 'cleared', undefined, { comment: '经核查无私自处理' });
      expect(await whoHolds(d, id)).toEqual({ stockReceipt: ['biz1', 'biz2'] });
    });

    it('given an item missing at the stock receipt, when received, then the group checks where it went', async () => {
      const id = await confirmed();
      const receipt = s.receipt(6000, {
        receivedItems: [{ itemNo: s.itemNos()[0], quantityReceived: 12, value: 6000 }],
      });
      await d.complete(id, 'biz1', 'receive', receipt);
      expect(await whoHolds(d, id)).toEqual({ disciplineCheck: INSPECTORS });
      expect((await d.snapshot(id)).data.missingItems).toEqual([s.itemNos()[1]]);
      await expectReplayMatches(d, id);
    });
  });

  describe('the reward, computed from the received items', () => {
    it('given items worth 21,000 typed as 19,000, when received, then the reward is 1,050 and the leader approves it', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(21000, { totalValue: 19000 }));
      const data = (await d.snapshot(id)).data;
      expect(data).toMatchObject({ totalValue: 21000, rewardRate: 5, rewardAmount: 1050 });
      expect(await whoHolds(d, id)).toEqual({ leaderReward: ['leader3'] });
      const replaced = (await d.audit(id)).flatMap((a) => (a.detail?.events ?? []) as object[]);
      expect(replaced).toContainEqual({ computed: 'totalValue', submitted: 19000, value: 21000 });
      await expectReplayMatches(d, id);
    });

    it('given items worth 100 typed as 19,000, when received, then the reward is 5 yuan, not 950', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(100, { totalValue: 19000 }));
      expect((await d.snapshot(id)).data).toMatchObject({ totalValue: 100, rewardAmount: 5 });
      expect(await whoHolds(d, id)).toEqual({ reward: ['biz1', 'biz2'] });
    });

    it('given a received item that was never handed in, when received, then it earns no reward', async () => {
      const id = await confirmed();
      const receipt = s.receipt(2000);
      const extra = { itemNo: 'FW-113-2026-99999', quantityReceived: 1, value: 50000 };
      await d.complete(id, 'biz1', 'receive', {
        ...receipt,
        receivedItems: [...(receipt.receivedItems as object[]), extra],
      });
      expect((await d.snapshot(id)).data).toMatchObject({ totalValue: 52000, rewardAmount: 100 });
      expect(await whoHolds(d, id)).toEqual({ reward: ['biz1', 'biz2'] });
    });
  });

  describe('the reward', () => {
    it('given a reward above 1000 yuan, when computed, then the leader contracting the station approves it', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(30000));
      expect((await d.snapshot(id)).data.rewardAmount).toBe(1500);
      expect(await whoHolds(d, id)).toEqual({ leaderReward: ['leader3'] });
      await d.complete(id, 'leader3', 'approve');
      await d.complete(id, 'biz1', 'pay', s.reward());
      expect(await statesOf(d, id)).toEqual(['rewarded']);
    });

    it('given the leader refuses the reward, then the scrap is stocked without one', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(30000));
      await d.complete(id, 'leader3', 'reject', undefined, { comment: '估值偏高' });
      expect(await statesOf(d, id)).toEqual(['noReward']);
    });

    it('given the computed reward, when the business group changes it, then the field is read-only', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(12000));
      expect(await refusal(d.complete(id, 'biz1', 'pay', s.reward({ rewardAmount: 900 })))).toBe(
        'invalid-form',
      );
    });

    it('given the leader, when returning (退回) to the stock receipt, then the business group receives again', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(30000));
      const [task] = await d.tasksOf('leader3', id);
      await d.run(id, 'leader3', {
        type: 'return',
        taskId: task!.id,
        target: 'stockReceipt',
        comment: '重新估值',
      });
      expect(await whoHolds(d, id)).toEqual({ stockReceipt: ['biz1', 'biz2'] });
    });
  });

  describe('operations and timers', () => {
    it('given the receipt just recorded, when withdrawn (撤回), then the stock receipt is open again', async () => {
      const id = await confirmed();
      await d.complete(id, 'biz1', 'receive', s.receipt(12000));
      await d.run(id, 'biz1', { type: 'withdraw' });
      expect(await whoHolds(d, id)).toEqual({ stockReceipt: ['biz1', 'biz2'] });
      expect(await steps(id)).toEqual(['handedIn head113', 'confirmed sup113']);
    });

    it('given the stock receipt, when returned to the supervisor (退回), then the supervisor checks again', async () => {
      const id = await confirmed();
      const [task] = await d.tasksOf('biz2', id);
      await d.run(id, 'biz2', {
        type: 'return',
        taskId: task!.id,
        target: 'confirmation',
        comment: '数量不符',
      });
      expect(await whoHolds(d, id)).toEqual({ confirmation: ['sup113'] });
    });

    it('given the supervisor does not confirm, when reminded twice, then the discipline group takes it over', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      expect((await d.advance('P1D')).map((t) => t.kind)).toEqual(['reminder']);
      expect((await d.advance('P1D')).map((t) => t.kind)).toEqual(['escalation']);
      expect((await d.advance('P2D')).map((t) => t.kind)).toEqual(['escalation']);
      expect(await whoHolds(d, id)).toEqual({ confirmation: INSPECTORS });
      await d.complete(id, 'insp3', 'confirm', s.confirmation());
      expect(await steps(id)).toEqual(['handedIn head113', 'confirmed insp3']);
      await expectReplayMatches(d, id);
    });

    it('given the station head, when they urge (催办) the supervisor, then the supervisor is told', async () => {
      const id = await d.start(KEY, 'head113', s.handIn());
      const [task] = await d.tasksOf('sup113', id);
      await d.run(id, 'head113', { type: 'urge', taskId: task!.id });
      expect(await notices(d, id, 'urged')).toEqual([['sup113']]);
    });
  });
});

describe('废旧物资回收 case and item numbers (runtime)', () => {
  let d: RuntimeDriver;
  beforeEach(async () => {
    d = (await drivers.find((x) => x.name === 'runtime')!.create()) as RuntimeDriver;
  });

  /** The refusal a command ended in, with its details. */
  async function refusalOf(pending: Promise<unknown>) {
    try {
      await pending;
    } catch (error) {
      return error as {
        code: string;
        details?: { errors?: { path: string; keyword: string; message: string }[] };
      };
    }
    throw new Error('expected a refusal');
  }

  it('given two hand-ins at station 113, when started, then each gets the next HS-113-<year> number', async () => {
    const first = await d.start(KEY, 'head113', s.handIn());
    const second = await d.start(KEY, 'head113', s.handIn());
    const [a, b] = [await d.caseNumber(first), await d.caseNumber(second)];
    expect(a).toMatch(/^HS-113-2026-\d{5}$/);
    expect(Number(b!.slice(-5))).toBe(Number(a!.slice(-5)) + 1);
  });

  it('given an item number held by another case, when handed in again, then it is refused naming that case', async () => {
    const first = await d.start(KEY, 'head113', s.handIn());
    const [held] = s.itemNos();
    const again = s.handIn();
    const items = again.items as { itemNo: string }[];
    const error = await refusalOf(
      d.start(KEY, 'w013', { ...again, items: [items[0], { ...items[1], itemNo: held }] }),
    );
    expect(error.code).toBe('duplicate-value');
    expect(error.details?.errors).toEqual([
      {
        path: '/items/1/itemNo',
        keyword: 'unique',
        message: `物资编号「${held}」已在案件 ${await d.caseNumber(first)} 中使用，不能重复`,
      },
    ]);
  });

  it('given a receipt number used by another case, when received, then it is refused at /receiptNo', async () => {
    const first = await d.start(KEY, 'head113', s.handIn());
    await d.complete(first, 'sup113', 'confirm', s.confirmation());
    const receipt = s.receipt(1000);
    await d.complete(first, 'biz1', 'receive', receipt);
    const second = await d.start(KEY, 'head113', s.handIn());
    await d.complete(second, 'sup113', 'confirm', s.confirmation());
    const error = await refusalOf(
      d.complete(second, 'biz2', 'receive', { ...s.receipt(1000), receiptNo: receipt.receiptNo }),
    );
    expect(error.code).toBe('duplicate-value');
    expect(error.details?.errors?.map((e) => e.path)).toEqual(['/receiptNo']);
    expect(error.details?.errors?.[0]?.message).toContain(String(await d.caseNumber(first)));
    expect(await whoHolds(d, second)).toEqual({ stockReceipt: ['biz1', 'biz2'] });
  });

  it('given a case whose list was corrected, when another case uses a number it gave up, then that is accepted', async () => {
    const first = await d.start(KEY, 'w013', s.duplicated());
    const [given] = s.itemNos();
    const { station: _, ...corrected } = s.handIn();
    await d.complete(first, 'w013', 'resubmit', corrected);
    const other = s.handIn();
    const items = other.items as { itemNo: string }[];
    const id = await d.start(KEY, 'head113', { ...other, items: [{ ...items[0], itemNo: given }, items[1]] });
    expect(await whoHolds(d, id)).toEqual({ confirmation: ['sup113'] });
  });
});
