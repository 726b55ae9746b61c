import type { KyselyPlugin } from 'kysely';

/** Counts the statements run through a Kysely instance (`db.withPlugin(counter.plugin)`). */
export function statementCounter(): { plugin: KyselyPlugin; count: number } {
  const counter = {
    count: 0,
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        counter.count += 1;
        return args.result;
      },
    } satisfies KyselyPlugin,
  };
  return counter;
}
