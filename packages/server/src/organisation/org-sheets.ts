/**
 * The organisation as four sheets (units, people, memberships, contracts), the same for XLSX and
 * CSV: one row per unit, person, role held and contracting relation. Reading checks every row with
 * the same rules a directory change uses (building the file's directory as operations, each tagged
 * with its row), so a refusal names the sheet, line and column, in both languages.
 */
import type { RowError } from '@flowform/api';
import {
  applyDirectoryOps,
  type DirectoryOp,
  type DirectorySeed,
  parentsFirst,
  type SeedUnit,
  UNIT_KINDS,
  type UnitKind,
} from '@flowform/engine';

/** The sheets, in file order, with their columns. */
export const SHEETS = {
  units: ['id', 'kind', 'parent', 'name_zh', 'name_en'],
  people: ['username', 'name_zh', 'name_en', 'phone', 'status'],
  memberships: ['username', 'role', 'unit'],
  contracts: ['contractor_type', 'contractor', 'unit'],
} as const;

export type SheetName = keyof typeof SHEETS;

/** A sheet's data rows, each with the line the spreadsheet shows it on (the header is line 1). */
export type SheetRows = Record<SheetName, { line: number; cells: Record<string, string> }[]>;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ROLE = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** The directory as rows, in a stable order (units as a tree, the rest sorted). */
export function seedToRows(seed: DirectorySeed): Record<SheetName, string[][]> {
  const byName =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const units = treeOrder(seed.units).map((u) => [u.id, u.kind, u.parent ?? '', u.name['zh-CN'], u.name.en]);
  const people = [...seed.users]
    .sort(byName((u) => u.username))
    .map((u) => [
      u.username,
      u.displayName['zh-CN'],
      u.displayName.en,
      u.phone ?? '',
      u.disabled ? 'left' : 'active',
    ]);
  const memberships = [...seed.memberships]
    .sort(byName((m) => `${m.username}\u0000${m.role}\u0000${m.unit}`))
    .map((m) => [m.username, m.role, m.unit]);
  const contracts = seed.contracts
    .map((c) =>
      'user' in c.contractor ? ['user', c.contractor.user, c.unit] : ['unit', c.contractor.unit, c.unit],
    )
    .sort(byName((r) => r.join('\u0000')));
  return { units, people, memberships, contracts };
}

function treeOrder(units: readonly SeedUnit[]): SeedUnit[] {
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : 1));
  const out: SeedUnit[] = [];
  const visit = (parent: string | null) => {
    for (const u of sorted.filter((x) => (x.parent ?? null) === parent)) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out.length === units.length ? out : parentsFirst(sorted);
}

interface Tagged {
  op: DirectoryOp;
  sheet: SheetName;
  line: number;
  columns: Record<string, string>;
}

const err = (
  sheet: SheetName,
  line: number,
  column: string,
  code: string,
  zh: string,
  en: string,
): RowError => ({
  sheet,
  line,
  column,
  code,
  message: { 'zh-CN': zh, en },
});

/**
 * The directory a file describes, or every row error in it. Each row gets at most one error (its
 * first problem), so a file with ten bad rows answers ten errors.
 */
export function rowsToSeed(rows: SheetRows): { seed: DirectorySeed; errors: RowError[] } {
  const errors: RowError[] = [];
  const tagged: Tagged[] = [];
  const required = (sheet: SheetName, line: number, cells: Record<string, string>, columns: string[]) => {
    const missing = columns.find((c) => !cells[c]?.trim());
    if (missing)
      errors.push(err(sheet, line, missing, 'required', `“${missing}”不能为空`, `"${missing}" is required`));
    return !missing;
  };
  const badId = (sheet: SheetName, line: number, column: string, value: string, pattern = ID) => {
    if (pattern.test(value)) return false;
    errors.push(
      err(
        sheet,
        line,
        column,
        'pattern',
        `“${value}”不是有效的编号（字母、数字、_.-）`,
        `"${value}" is not a valid id (letters, digits, _.-)`,
      ),
    );
    return true;
  };
  const unitOps: { unit: SeedUnit; line: number }[] = [];
  for (const { line, cells } of rows.units) {
    if (!required('units', line, cells, ['id', 'kind', 'name_zh'])) continue;
    if (badId('units', line, 'id', cells.id!)) continue;
    if (!(UNIT_KINDS as readonly string[]).includes(cells.kind!)) {
      errors.push(
        err(
          'units',
          line,
          'kind',
          'unit-kind',
          `类型必须是 ${UNIT_KINDS.join('、')} 之一`,
          `kind must be one of ${UNIT_KINDS.join(', ')}`,
        ),
      );
      continue;
    }
    const name = { 'zh-CN': cells.name_zh!, en: cells.name_en || cells.name_zh! };
    unitOps.push({
      unit: { id: cells.id!, kind: cells.kind as UnitKind, name, parent: cells.parent || null },
      line,
    });
  }
  const lineOf = new Map(unitOps.map((u) => [u.unit, u.line]));
  for (const unit of parentsFirst(unitOps.map((u) => u.unit))) {
    const op: DirectoryOp = {
      op: 'addUnit',
      id: unit.id,
      kind: unit.kind,
      name: unit.name,
      parent: unit.parent ?? null,
    };
    tagged.push({ op, sheet: 'units', line: lineOf.get(unit)!, columns: { id: 'id', parent: 'parent' } });
  }
  const leaving: Tagged[] = [];
  for (const { line, cells } of rows.people) {
    if (!required('people', line, cells, ['username', 'name_zh'])) continue;
    if (badId('people', line, 'username', cells.username!)) continue;
    const status = cells.status || 'active';
    if (status !== 'active' && status !== 'left') {
      errors.push(
        err(
          'people',
          line,
          'status',
          'status',
          '状态必须是 active（在岗）或 left（离开）',
          'status must be active or left',
        ),
      );
      continue;
    }
    if ((cells.phone ?? '').length > 32) {
      errors.push(
        err('people', line, 'phone', 'too-long', '电话最多 32 个字符', 'phone has at most 32 characters'),
      );
      continue;
    }
    const displayName = { 'zh-CN': cells.name_zh!, en: cells.name_en || cells.name_zh! };
    const username = cells.username!;
    tagged.push({
      op: { op: 'addPerson', username, displayName, phone: cells.phone || null },
      sheet: 'people',
      line,
      columns: { username: 'username' },
    });
    if (status === 'left')
      leaving.push({
        op: { op: 'deactivatePerson', username },
        sheet: 'people',
        line,
        columns: { username: 'status' },
      });
  }
  tagged.push(...leaving);
  for (const { line, cells } of rows.memberships) {
    if (!required('memberships', line, cells, ['username', 'role', 'unit'])) continue;
    if (badId('memberships', line, 'role', cells.role!, ROLE)) continue;
    tagged.push({
      op: { op: 'addMembership', username: cells.username!, role: cells.role!, unit: cells.unit! },
      sheet: 'memberships',
      line,
      columns: { username: 'username', role: 'role', unit: 'unit' },
    });
  }
  for (const { line, cells } of rows.contracts) {
    if (!required('contracts', line, cells, ['contractor_type', 'contractor', 'unit'])) continue;
    const type = cells.contractor_type;
    if (type !== 'user' && type !== 'unit') {
      errors.push(
        err(
          'contracts',
          line,
          'contractor_type',
          'contractor-type',
          '承包方类型必须是 user（个人）或 unit（单位）',
          'contractor_type must be user or unit',
        ),
      );
      continue;
    }
    const contractor = type === 'user' ? { user: cells.contractor! } : { unit: cells.contractor! };
    tagged.push({
      op: { op: 'addContract', contractor, unit: cells.unit! },
      sheet: 'contracts',
      line,
      columns: { contractor: 'contractor', unit: 'unit' },
    });
  }
  const empty: DirectorySeed = { users: [], units: [], memberships: [], contracts: [] };
  const { seed, issues } = applyDirectoryOps(
    empty,
    tagged.map((t) => t.op),
  );
  const reported = new Set(errors.map((e) => `${e.sheet}:${e.line}`));
  for (const issue of issues) {
    const [, , index, field] = issue.path.split('/');
    const row = tagged[Number(index)];
    if (!row || reported.has(`${row.sheet}:${row.line}`)) continue;
    reported.add(`${row.sheet}:${row.line}`);
    const column = row.columns[field ?? ''] ?? SHEETS[row.sheet][0];
    errors.push({ sheet: row.sheet, line: row.line, column, code: issue.code, message: issue.message });
  }
  const order = Object.keys(SHEETS);
  errors.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.line - b.line);
  return { seed, errors };
}
