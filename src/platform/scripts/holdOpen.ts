/**
 * Imported first by every command-line script that ends with process.exit.
 *
 * Should a module graph the script imports dynamically never settle (Node 20
 * and Lexical's top-level awaits: src/platform/scripts/run.ts), a script with
 * no socket or timer of its own open finds its event loop empty and Node
 * exits with code 0 without a word: a rollback or an import that reports
 * success having done nothing. With this timer it waits instead, where a
 * supervisor or a test's timeout sees it.
 */
setInterval(() => undefined, 60_000)
