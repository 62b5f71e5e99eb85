/**
 * The {@code fairreg} command: one class per subcommand ({@code generate}, {@code train},
 * {@code evaluate}, {@code predict}), shared options in mixins, console output here and nowhere
 * else. Results go to standard output or to files; progress and diagnostics to standard error.
 */
package org.fairreg.cli;
