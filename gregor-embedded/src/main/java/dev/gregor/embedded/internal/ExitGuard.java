package dev.gregor.embedded.internal;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an in-process broker from ending the user's JVM: Kafka's fatal-error paths call
 * {@code Exit.exit}/{@code Exit.halt}, which here log and throw instead.
 */
public final class ExitGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
  private static boolean installed;

  private ExitGuard() {}

  /** Installs the guard once per JVM; idempotent. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
    Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
    installed = true;
  }

  private static void refuse(String kind, int status, String message) {
    LOG.error("Embedded Kafka broker asked the JVM to {} with status {} ({}); refused", kind, status, message);
    throw new IllegalStateException("Embedded Kafka broker tried to " + kind + " the JVM with status " + status
        + (message == null ? "" : ": " + message));
  }
}
