/** The {@code gregor} command line: one class per command, on picocli. Its promise to users is the command line, not these classes. */
package dev.gregor.cli;
