/** Opens one definition for editing: its draft, else its latest version; the directory for pickers and simulation. */
import { InMemoryDirectory } from '@flowform/engine/browser';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { ErrorState, Loading } from '../../../ui/status-views';
import { useAsync } from '../../../ui/use-async';
import { designerApi } from '../api/designer-api';
import { createDesignerStack } from '../commands/designer-commands';
import { useLint } from '../lint/use-lint';
import type { DesignDoc } from '../model/design-doc';
import {
  DesignerContext,
  type DesignerState,
  type Highlight,
  NOTHING,
  type Selection,
} from '../state/designer-context';
import { Modeling } from '../state/modeling';
import { DesignerWorkspace } from './designer-workspace';

async function load(key: string) {
  const [found, seed, list] = await Promise.all([
    designerApi.open(key),
    designerApi.directory(),
    designerApi.list(),
  ]);
  const doc: DesignDoc = found.draft?.bundle ?? {
    definition: found.published!.definition,
    forms: found.published!.forms,
  };
  return { found, seed, processes: list.items.map((i) => i.key), doc };
}

export function DesignerPage({ definitionKey }: { definitionKey: string }) {
  const loaded = useAsync(() => load(definitionKey), definitionKey);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return <Editor key={definitionKey} {...loaded.data} reload={loaded.reload} />;
}

function Editor({
  found,
  seed,
  processes,
  doc: initial,
  reload,
}: Awaited<ReturnType<typeof load>> & { reload: () => void }) {
  const [stack] = useState(() => createDesignerStack(initial));
  const doc = useSyncExternalStore(stack.subscribe, () => stack.doc);
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [highlight, setHighlight] = useState<Highlight | undefined>();
  const directory = useMemo(() => {
    try {
      return new InMemoryDirectory(seed);
    } catch {
      return undefined;
    }
  }, [seed]);
  const problems = useLint(doc, directory, processes);
  const [notice, setNotice] = useState<string>();
  const modeling = useMemo(() => new Modeling(stack, setNotice), [stack]);
  const select = useCallback((next: Selection) => setSelection(next), []);
  const value = useMemo<DesignerState>(
    () => ({
      stack,
      doc,
      selection,
      select,
      modeling,
      seed,
      directory,
      problems,
      highlight,
      setHighlight,
      published: found.published,
      processes,
    }),
    [
      stack,
      doc,
      selection,
      select,
      modeling,
      seed,
      directory,
      problems,
      highlight,
      found.published,
      processes,
    ],
  );
  return (
    <DesignerContext.Provider value={value}>
      <DesignerWorkspace onPublished={reload} versions={found.versions} notice={notice} />
    </DesignerContext.Provider>
  );
}
