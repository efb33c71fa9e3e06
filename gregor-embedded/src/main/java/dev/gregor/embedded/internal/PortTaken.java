package dev.gregor.embedded.internal;

import java.net.BindException;

/** Whether a failed start failed because a port was already taken, in this JVM or in a child JVM's output. */
final class PortTaken {
  private PortTaken() {}

  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException || mentionsBind(t.getMessage())) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof BindException || mentionsBind(suppressed.getMessage())) {
          return true;
        }
      }
    }
    return false;
  }

  // A child JVM node fails with its log's tail in the message: Kafka's "failed to bind" and the JDK's text.
  private static boolean mentionsBind(String message) {
    return message != null && (message.contains("Address already in use") || message.contains("failed to bind"));
  }
}
