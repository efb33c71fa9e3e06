package dev.gregor.embedded;

import dev.gregor.embedded.internal.OutputPump;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A main class running in a JVM of its own: the embedded cluster's child-JVM nodes, the
 * benchmarks' fresh JVMs and the fault suite's processes all start this way. Its output is always
 * read, so the child never blocks on a full pipe, and every wait is bounded by the caller.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder(Worker.class).jvmOptions("-Xmx256m").args("orders")
 *     .onOutput(System.out::println).start()) {
 *   child.waitFor(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> command;
  private final OutputPump output;
  private final @Nullable OutputPump errors;

  private ChildJvm(Process process, List<String> command, OutputPump output, @Nullable OutputPump errors) {
    this.process = process;
    this.command = command;
    this.output = output;
    this.errors = errors;
  }

  /** Starts configuring a JVM that runs {@code mainClass}, on this JVM's Java and class path by default. */
  public static Builder builder(Class<?> mainClass) {
    return new Builder(Objects.requireNonNull(mainClass, "mainClass").getName());
  }

  /** {@link #builder(Class)} by class name, for a main class this JVM need not load. */
  public static Builder builder(String mainClass) {
    return new Builder(mainClass);
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the child is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout} for the child to exit; whether it did. */
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The child's exit code; an {@link IllegalStateException} while it still runs. */
  public int exitValue() {
    try {
      return process.exitValue();
    } catch (IllegalThreadStateException running) {
      throw new IllegalStateException("the child JVM (pid " + pid() + ") is still running", running);
    }
  }

  /** Waits up to {@code timeout} until every line the child wrote was handed on; whether that happened. */
  public boolean awaitOutput(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return output.await(deadline) && (errors == null || errors.await(deadline));
  }

  /** The child's standard input, for commands; close it to signal the end of input. */
  public OutputStream input() {
    return process.getOutputStream();
  }

  /** Asks the child to stop: SIGTERM, so its shutdown hooks run. */
  public void stop() {
    process.destroy();
  }

  /** Ends the child at once: SIGKILL, no shutdown hooks; waits up to 30 s for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** The command line the child was started with. */
  public List<String> command() {
    return command;
  }

  @Override
  public String toString() {
    return "ChildJvm[pid " + pid() + ", " + String.join(" ", command.subList(1, command.size())) + "]";
  }

  /** What to run and where its output goes; {@link #start()} checks it. */
  public static final class Builder {
    private final String mainClass;
    private @Nullable Path javaHome = Path.of(System.getProperty("java.home"));
    private @Nullable String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private @Nullable Path workingDirectory;
    private @Nullable Path outputLog;
    private @Nullable Consumer<String> onOutput;
    private @Nullable Path errorLog;
    private @Nullable Consumer<String> onError;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
    }

    /** The JDK or JRE to run (default this JVM's {@code java.home}). */
    public Builder javaHome(@Nullable Path javaHome) {
      this.javaHome = javaHome;
      return this;
    }

    /** The class path (default this JVM's {@code java.class.path}). */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** Options for the JVM, such as {@code -Xmx256m}; added to those given before. */
    public Builder jvmOptions(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** Options for the JVM; added to those given before. */
    public Builder jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    /** A {@code -Dname=value} system property. */
    public Builder systemProperty(String name, String value) {
      systemProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Arguments for the main class; added to those given before. */
    public Builder args(String... args) {
      this.args.addAll(List.of(args));
      return this;
    }

    /** Arguments for the main class; added to those given before. */
    public Builder args(List<String> args) {
      this.args.addAll(args);
      return this;
    }

    /** Sets an environment variable of the child, or with a null value removes one it would inherit. */
    public Builder environment(String name, @Nullable String value) {
      environment.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** The child's working directory (default this JVM's). */
    public Builder workingDirectory(@Nullable Path directory) {
      this.workingDirectory = directory;
      return this;
    }

    /** Appends every line the child writes to standard output (and standard error, unless handled apart) to {@code file}. */
    public Builder outputLog(Path file) {
      this.outputLog = file;
      return this;
    }

    /** Hands every line the child writes to standard output (and standard error, unless handled apart) to {@code lines}. */
    public Builder onOutput(Consumer<String> lines) {
      this.onOutput = lines;
      return this;
    }

    /** Appends the child's standard error to {@code file}, apart from its output. */
    public Builder errorLog(Path file) {
      this.errorLog = file;
      return this;
    }

    /** Hands the child's standard error lines to {@code lines}, apart from its output. */
    public Builder onError(Consumer<String> lines) {
      this.onError = lines;
      return this;
    }

    /** Starts the child; an {@link IllegalArgumentException} names a bad setting, an {@link UncheckedIOException} a failed launch. */
    public ChildJvm start() {
      if (mainClass == null || mainClass.isBlank()) {
        throw new IllegalArgumentException("mainClass must name the class to run, was '" + mainClass + "'");
      }
      Path java = javaHome == null ? null : javaHome.resolve("bin").resolve("java");
      if (java == null || !Files.isExecutable(java)) {
        throw new IllegalArgumentException("javaHome must be a JDK or JRE with bin/java, was " + javaHome);
      }
      if (classpath == null || classpath.isBlank()) {
        throw new IllegalArgumentException("classpath must not be empty");
      }
      if (workingDirectory != null && !Files.isDirectory(workingDirectory)) {
        throw new IllegalArgumentException("workingDirectory must be an existing directory, was " + workingDirectory);
      }
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.addAll(jvmOptions);
      systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      environment.forEach((name, value) -> {
        if (value == null) {
          builder.environment().remove(name);
        } else {
          builder.environment().put(name, value);
        }
      });
      if (workingDirectory != null) {
        builder.directory(workingDirectory.toFile());
      }
      boolean errorsApart = errorLog != null || onError != null;
      builder.redirectErrorStream(!errorsApart);
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start a JVM for " + mainClass + ": " + e.getMessage(), e);
      }
      String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
      OutputPump output = OutputPump.start(process.getInputStream(), outputLog, onOutput, name + "-output");
      OutputPump errors = errorsApart ? OutputPump.start(process.getErrorStream(), errorLog, onError, name + "-errors") : null;
      return new ChildJvm(process, List.copyOf(command), output, errors);
    }
  }
}
