/**
 * Form data of a scrap hand-in at station 113. Item and receipt numbers are unique across cases (the
 * durable driver's database holds every case of a test file), so each hand-in takes new ones: the
 * receipt and `itemNos()` name the latest hand-in's.
 */
type Data = Record<string, unknown>;

let batch = 0;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The item numbers of the latest hand-in. */
export const itemNos = (): [string, string] => [
  `FW-113-2026-${pad(batch * 2 - 1, 5)}`,
  `FW-113-2026-${pad(batch * 2, 5)}`,
];

const tubing = {
  itemNo: '',
  name: '废旧油管',
  category: 'tubing',
  quantity: 12,
  measureUnit: 'piece',
  condition: 'scrap',
};
const rods = {
  itemNo: '',
  name: '抽油杆',
  category: 'suckerRod',
  quantity: 30,
  measureUnit: 'piece',
  condition: 'reusable',
};

/** A hand-in of two items with new numbers. */
export const handIn = (o: Data = {}): Data => {
  batch += 1;
  const [first, second] = itemNos();
  return {
    station: 'station-113',
    collectedOn: '2026-03-02',
    collectingTeam: '维修班',
    items: [
      { ...tubing, itemNo: first },
      { ...rods, itemNo: second },
    ],
    ...o,
  };
};

/** A hand-in whose two items carry one number. */
export const duplicated = (): Data => {
  const data = handIn();
  const [first] = itemNos();
  return { ...data, items: [tubing, rods].map((item) => ({ ...item, itemNo: first })) };
};

export const confirmation = (o: Data = {}): Data => ({
  confirmedOn: '2026-03-03',
  checkResult: 'allMatch',
  noPrivateDisposal: true,
  ...o,
});

/** A stock receipt whose two items are worth `totalValue` together, and which also types that total. */
export const receipt = (totalValue: number, o: Data = {}): Data => ({
  receiptNo: `RK-2026-${pad(batch, 4)}`,
  receivedOn: '2026-03-04',
  warehouse: '四区废旧物资库',
  receivedItems: [
    { itemNo: itemNos()[0], quantityReceived: 12, value: totalValue / 2 },
    { itemNo: itemNos()[1], quantityReceived: 30, value: totalValue / 2 },
  ],
  totalValue,
  ...o,
});

export const reward = (o: Data = {}): Data => ({
  rewardBasis: '按回收估值的5%奖励回收班组。',
  recipients: [{ recipient: 'w013', amount: 300 }],
  paidOn: '2026-03-06',
  opinion: '同意发放。',
  ...o,
});

export const discipline = (o: Data = {}): Data => ({
  personConcerned: 'w013',
  disposalFindings: '2026-03-01 私自将旧电缆卖给废品站，得款 300 元。',
  ...o,
});
