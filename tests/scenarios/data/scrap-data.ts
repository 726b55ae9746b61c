/** Form data of a scrap hand-in at station 113. */
type Data = Record<string, unknown>;

const tubing = {
  itemNo: 'FW-113-2026-00001',
  name: '废旧油管',
  category: 'tubing',
  quantity: 12,
  measureUnit: 'piece',
  condition: 'scrap',
};
const rods = {
  itemNo: 'FW-113-2026-00002',
  name: '抽油杆',
  category: 'suckerRod',
  quantity: 30,
  measureUnit: 'piece',
  condition: 'reusable',
};

export const handIn = (o: Data = {}): Data => ({
  station: 'station-113',
  collectedOn: '2026-03-02',
  collectingTeam: '维修班',
  items: [tubing, rods],
  ...o,
});

export const duplicated = (): Data => handIn({ items: [tubing, { ...rods, itemNo: 'FW-113-2026-00001' }] });

export const confirmation = (o: Data = {}): Data => ({
  confirmedOn: '2026-03-03',
  checkResult: 'allMatch',
  noPrivateDisposal: true,
  ...o,
});

/** A stock receipt whose two items are worth `totalValue` together, and which also types that total. */
export const receipt = (totalValue: number, o: Data = {}): Data => ({
  receiptNo: 'RK-2026-0031',
  receivedOn: '2026-03-04',
  warehouse: '四区废旧物资库',
  receivedItems: [
    { itemNo: 'FW-113-2026-00001', quantityReceived: 12, value: totalValue / 2 },
    { itemNo: 'FW-113-2026-00002', quantityReceived: 30, value: totalValue / 2 },
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
