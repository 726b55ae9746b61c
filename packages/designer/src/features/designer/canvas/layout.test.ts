import { describe, expect, it } from 'vitest';
import { SHIPPED, shippedDoc } from '../commands/test-fixture';
import { absolute, type Box, layoutDoc } from './layout';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('automatic layout', () => {
  for (const key of SHIPPED) {
    it(`given ${key}, when laid out, then siblings never overlap and children sit inside their group`, async () => {
      const boxes = absolute(await layoutDoc(shippedDoc(key)));
      const list = [...boxes.values()];
      for (const a of list)
        for (const b of list)
          if (a.id < b.id && a.parent === b.parent) expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
      for (const box of list.filter((b) => b.parent)) {
        const p = boxes.get(box.parent!)!;
        expect(
          box.x >= p.x &&
            box.y >= p.y &&
            box.x + box.width <= p.x + p.width &&
            box.y + box.height <= p.y + p.height,
        ).toBe(true);
      }
    });
  }
});
