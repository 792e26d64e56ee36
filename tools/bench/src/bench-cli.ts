/**
 * The command-line side every bench shares, kept free of the API (profile-summary loads it alone): options,
 * log lines and the generated sections of docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const log = (msg: string) => process.stdout.write(`${msg}\n`);

type OptionValue<D> = D extends number ? number : D extends boolean ? boolean : string;
export type BenchOptions<D> = { [K in keyof D]: OptionValue<D[K]> } & { write: string | null };

/**
 * The options of a bench, `--name value` (or `--name=value`), each with its default: a number default reads a
 * number, a string default a string, `false` a flag. `write` is the Markdown file `--write` names, resolved
 * (docs/benchmarks.md when it names none), or null without `--write`. Other arguments are ignored.
 */
export function benchOptions<const D extends Record<string, string | number | boolean>>(
  defaults: D,
  argv: readonly string[] = process.argv.slice(2),
): BenchOptions<D> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      write: { type: 'string' },
      ...Object.fromEntries(
        Object.entries(defaults).map(([name, fallback]) => [
          name,
          { type: typeof fallback === 'boolean' ? ('boolean' as const) : ('string' as const) },
        ]),
      ),
    },
    strict: false,
    allowPositionals: true,
  });
  // An option given without a value (last, or before another option) keeps its default.
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' && v ? v : undefined;
  };
  const read = Object.entries(defaults).map(([name, fallback]) => {
    if (typeof fallback === 'boolean') return [name, values[name] !== undefined];
    const v = text(name);
    return [name, typeof fallback === 'number' ? Number(v ?? fallback) : (v ?? fallback)];
  });
  const write = values.write === undefined ? null : resolve(text('write') ?? 'docs/benchmarks.md');
  return { ...Object.fromEntries(read), write } as BenchOptions<D>;
}

/** Replaces (or appends) the section between `<!-- bench:<name>:begin -->` and `:end -->` of a Markdown file. */
export function writeSection(file: string, name: string, markdown: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = current.indexOf(begin);
  const until = current.indexOf(end);
  const next =
    at >= 0 && until > at
      ? `${current.slice(0, at)}${block}${current.slice(until + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  log(`wrote the ${name} section of ${file}`);
}
