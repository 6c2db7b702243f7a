// The benches' command-line flags, written --name=value.

/** The value of `--name=value` on the command line, or undefined. */
export const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
