/**
 * Imported first by every command-line script that ends with process.exit.
 *
 * `payload run` and `tsx` load TypeScript through module hooks that answer
 * imports from another thread. While a script awaits such an import (the
 * migration files, the config) with no socket or timer of its own open, Node
 * finds its event loop empty and exits with code 0 without a word: a
 * rollback or an import that silently did nothing. This timer keeps the
 * process alive until the script calls process.exit.
 */
setInterval(() => undefined, 60_000)
