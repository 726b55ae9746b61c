/** Parsed command-line arguments: positionals, boolean and string flags, and what was wrong. */
export interface ParsedFlags {
  positional: string[];
  strings: Record<string, string | undefined>;
  errors: string[];
  [flag: string]: unknown;
}

/** A small strict flag parser: unknown flags are errors, never silently ignored. */
export function parseFlags(args: string[], spec: { boolean: string[]; string: string[] }): ParsedFlags {
  const result: ParsedFlags = { positional: [], strings: {}, errors: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      result.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (spec.boolean.includes(name)) result[name] = true;
    else if (spec.string.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) result.errors.push(`--${name} needs a value`);
      else result.strings[name] = value;
    } else result.errors.push(`unknown option --${name}`);
  }
  return result;
}
