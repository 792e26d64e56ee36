/**
 * `npm run users:create-admin -- --email a@city.example.lg.jp --name 名前 [--link] [--another]`
 * (in the image: `node dist/apps/api/apps/api/src/cli/create-admin.js --email … --name …`)
 *
 * Creates an ADMIN on the configured (or embedded) database. On a terminal without --link it asks for the
 * password twice; otherwise the account gets no usable password and a one-time set-password link (24 h)
 * is printed (and mailed). If an admin exists it refuses (exit 1) and lists them; --another adds one more
 * on purpose.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { mailAppUrl } from '../common/public-url';
import { dataSourceOptions } from '../database/data-source-options';
import { AdminExistsError, createFirstAdmin } from '../modules/account/first-admin';
import { passwordRefusal } from '../modules/account/password-policy';
import { runCli } from './cli-runtime';

const USAGE = 'usage: npm run users:create-admin -- --email <address> --name <名前> [--link] [--another]\n';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Reads a line without echoing it (a password). */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function promptPassword(email: string): Promise<string | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await askHidden('パスワード (password, 12+ characters): ');
    const refusal = passwordRefusal(first, email);
    if (refusal) {
      process.stderr.write(`このパスワードは使えません (refused: ${refusal}). もう一度どうぞ。\n`);
      continue;
    }
    const second = await askHidden('もう一度 (again): ');
    if (first === second) return first;
    process.stderr.write('一致しません (the two entries differ).\n');
  }
  return null;
}

const args = process.argv.slice(2);
const email = option(args, 'email')?.trim().toLowerCase();
const name = option(args, 'name')?.trim();
const linkMode = args.includes('--link') || !process.stdin.isTTY;
const another = args.includes('--another');

void runCli(async ({ services, config }) => {
  if (!email || !name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || name.length > 100) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dataSource = await new DataSource(dataSourceOptions(services.databaseUrl)).initialize();
  try {
    // Refuse before asking for a password when an admin exists.
    const admins = await dataSource.query<Array<{ email: string }>>(
      `SELECT email FROM users WHERE role = 'ADMIN' ORDER BY email`,
    );
    if (admins.length && !another) throw new AdminExistsError(admins.map((a) => a.email));
    const password = linkMode ? undefined : await promptPassword(email);
    if (!linkMode && password === null) return 1;
    const result = await createFirstAdmin(dataSource, {
      email,
      name,
      password: password ?? undefined,
      another,
    });
    process.stdout.write(`Created admin ${result.user.email} (${result.user.name}).\n`);
    if (result.linkPath) {
      const base = mailAppUrl(config);
      process.stdout.write(
        `Set the password within 24 hours (the link works once; it was also mailed):\n  ${base}${result.linkPath}\n`,
      );
      if (!base)
        process.stdout.write(
          '  (PUBLIC_URL is not set: put the app’s public address in front of the path.)\n',
        );
    } else {
      process.stdout.write('The password is set: log in at /login.\n');
    }
    return 0;
  } catch (e) {
    if (e instanceof AdminExistsError) {
      process.stderr.write('An admin already exists (nothing was created):\n');
      for (const a of e.admins) process.stderr.write(`  ${a}\n`);
      process.stderr.write('Run again with --another to add one more admin on purpose.\n');
      return 1;
    }
    if (e instanceof AppError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await dataSource.destroy();
  }
});
