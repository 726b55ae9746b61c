import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';

/** Statement names are unique in the process, so several holders of one PGlite never collide. */
let counter = 0;

interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * Named prepared statements on PGlite, like `pg` with a statement name on PostgreSQL.
 * `PGlite.query()` parses and plans every statement again and enters the WebAssembly module five
 * times per query (parse, describe, bind, describe, execute); the hot path's CTE statement cost
 * more to plan than to run. Here a statement is parsed once (Parse + Describe), then each run is
 * ONE protocol batch: Bind + Describe + Execute + Sync. Results go through PGlite's own parsers.
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Prepared>();

  constructor(
    private readonly pglite: PGlite,
    private readonly maxStatements = 500,
  ) {}

  async query<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    return this.pglite.runExclusive(async () => {
      const prepared = this.statements.get(text) ?? (await this.prepare(text));
      const serializers = this.pglite.serializers;
      const params = values.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = serializers[prepared.paramTypes[i] ?? 0];
        return serialize ? serialize(value) : String(value);
      });
      const batch = concat([
        protocol.serialize.bind({ statement: prepared.name, values: params }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]);
      const { messages } = await this.pglite.execProtocol(batch);
      return parse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
    });
  }

  private async prepare(text: string): Promise<Prepared> {
    if (this.statements.size >= this.maxStatements) await this.closeOldest();
    const name = `ff_${++counter}`;
    const { messages } = await this.pglite.execProtocol(
      concat([
        protocol.serialize.parse({ name, text, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.statements.set(text, prepared);
    return prepared;
  }

  private async closeOldest(): Promise<void> {
    const [text, oldest] = this.statements.entries().next().value as [string, Prepared];
    this.statements.delete(text);
    await this.pglite.execProtocol(
      concat([protocol.serialize.close({ type: 'S', name: oldest.name }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
