// Values a hostile or broken server could send where an id, status or code is expected: each would be
// markup, a link or a command: URI if a notification showed it.
export const HOSTILE_VALUES = [
  '[click](command:workbench.action.terminal.new)',
  '**x**',
  'command:workbench.action.terminal.new',
  'https://attacker.example/x',
  'a b',
  'x\nSECOND LINE',
  '<img src=x>',
  '`code`',
  '_x_',
  '-flag',
  '',
  'a'.repeat(129),
] as const;

/** The two a test server answers with everywhere; neither may ever reach a notification. */
export const LINK = '[click](command:workbench.action.terminal.new)';
export const BOLD = '**x**';
