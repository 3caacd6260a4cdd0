/**
 * The installed app is also the `stillroom` command: with the run-as-node fuse off, the app
 * binary cannot run as plain Node, so the main process itself handles `serve` and `hash-pin`
 * before any window (electronMain.ts). /usr/bin/stillroom (packaging/linux/stillroom) calls the
 * binary with Chromium's headless switches first and the command after them.
 */
export const cliCommands = ['serve', 'hash-pin', 'help'] as const;
export type CliCommand = (typeof cliCommands)[number];

/**
 * The command and its own arguments, or null when the app was started as the app. The command is
 * the first argument that is not a switch (Chromium's, Playwright's), after the app's folder when
 * the binary is the development Electron (`electron . hash-pin`).
 */
export function cliInvocation(argv: readonly string[], { packaged }: { packaged: boolean }): { command: CliCommand; args: string[] } | null {
  const positional = argv.map((arg, index) => ({ arg, index })).filter(({ arg }) => !arg.startsWith('-'));
  const first = positional[packaged ? 0 : 1];
  if (!first || !(cliCommands as readonly string[]).includes(first.arg)) return null;
  return { command: first.arg as CliCommand, args: argv.slice(first.index + 1) };
}
