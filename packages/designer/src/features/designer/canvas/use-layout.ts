/** Runs the ELK layout whenever the document's structure changes (not on property edits). */
import { useEffect, useMemo, useState } from 'react';
import type { DesignDoc } from '../model/design-doc';
import { type Box, layoutDoc, layoutSignature } from './layout';

export function useLayout(doc: DesignDoc): { boxes: Map<string, Box>; signature: string } {
  const signature = useMemo(() => layoutSignature(doc), [doc]);
  const [state, setState] = useState<{ boxes: Map<string, Box>; signature: string }>({
    boxes: new Map(),
    signature: '',
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature is the trigger; doc is read at that moment
  useEffect(() => {
    let live = true;
    // A failed layout is retried once; a layout that still fails keeps the previous boxes.
    layoutDoc(doc)
      .catch(() => layoutDoc(doc))
      .then(
        (boxes) => live && setState({ boxes, signature }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [signature]);
  return state;
}
