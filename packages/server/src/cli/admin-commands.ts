import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { createAdmin } from '../seed/first-admin';
import { resetPassword } from '../services/password-reset';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform admin create --username <name>
       flowform admin reset-password --username <name>

create          adds an administrator (role administrator in the root unit; on an empty database
                the directory becomes that unit and this user) with a generated one-time password
reset-password  gives an existing user a new one-time password and ends their sessions
Either prints the one-time password once; it must be changed at the first sign-in.
The database is DATABASE_URL's, else PGlite in ./data (stop a PGlite server first).`;

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** `flowform admin create|reset-password --username X` */
export async function adminCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['username'] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  const [action, ...extra] = flags.positional;
  const username = flags.strings.username;
  const problems = [...flags.errors];
  if (action !== 'create' && action !== 'reset-password') problems.push('say create or reset-password');
  if (extra.length > 0) problems.push(`unexpected ${extra.join(' ')}`);
  if (!username) problems.push('--username is required');
  else if (!USERNAME.test(username)) problems.push(`'${username}' is not a valid username`);
  if (problems.length > 0 || !username) {
    io.err([...problems.map((p) => `flowform admin: ${p}`), '', HELP].join('\n'));
    return 2;
  }
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  try {
    let password: string;
    if (action === 'create') {
      try {
        password = (await createAdmin(ctx, username, { by: 'cli' })).oneTimePassword;
      } catch (error) {
        io.err(`flowform admin: ${(error as Error).message}`);
        return 1;
      }
    } else {
      const reset = await resetPassword(ctx, username, 'cli');
      if (reset === undefined) {
        io.err(`flowform admin: no user '${username}'`);
        return 1;
      }
      password = reset;
    }
    io.out(
      [
        action === 'create' ? `Administrator '${username}' created.` : `Password of '${username}' reset.`,
        'One-time password (shown only now; it must be changed at the first sign-in):',
        '',
        `  ${password}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await database.close();
  }
}
