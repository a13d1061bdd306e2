/**
 * The {@code sextant} command line: the root command with the global {@code --data-dir}, and one class per
 * subcommand ({@code serve}, {@code users}, {@code audit}, {@code markings}, ...). Console commands work on the data
 * directory directly, with the server stopped or running.
 */
package io.sextant.appliance.cli;
