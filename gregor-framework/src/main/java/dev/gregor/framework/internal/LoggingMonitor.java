package dev.gregor.framework.internal;

import dev.gregor.framework.Monitor;
import java.util.Map;
import org.slf4j.Logger;

/** The default {@link Monitor}: what a Karafka app logs, on SLF4J. */
public final class LoggingMonitor implements Monitor {
  private final Logger logger;

  public LoggingMonitor(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void notice(Class<?> caller, Map<String, Object> options) {
    if (logger.isDebugEnabled()) {
      logger.debug("{}: {}", caller.getSimpleName(), options);
    }
  }

  @Override
  public void noticeError(Class<?> caller, Throwable error) {
    logger.error("{}: {}", caller.getSimpleName(), error.toString(), error);
  }

  @Override
  public String toString() {
    return "logging(" + logger.getName() + ")";
  }
}
