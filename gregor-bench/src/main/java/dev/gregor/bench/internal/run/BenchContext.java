package dev.gregor.bench.internal.run;

import java.nio.file.Path;

/**
 * What every scenario needs: the profile, the broker's address, its topics, and a directory for
 * files (peer scripts, probe output).
 */
public record BenchContext(Profile profile, String bootstrap, Topics topics, Path workDir) {}
