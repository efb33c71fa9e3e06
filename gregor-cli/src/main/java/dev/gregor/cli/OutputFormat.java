package dev.gregor.cli;

/** How commands print their results: aligned tables for people, JSON for programs. */
enum OutputFormat {
  TABLE,
  JSON
}
