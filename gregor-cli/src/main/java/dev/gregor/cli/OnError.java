package dev.gregor.cli;

/** What {@code produce} does after a line that does not parse or a batch that is not delivered. */
enum OnError {
  /** Stop reading; what was read before is still delivered. */
  STOP,
  /** Report it and go on with the next line. */
  SKIP
}
