package dev.gregor.framework;

import dev.gregor.framework.internal.LoggingMonitor;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The seed's monitor ("Monitoring and logging"): told of everything the framework does and of
 * every error. The default one logs; a replacement that wants logging too delegates to
 * {@link #logging(Logger)}.
 */
public interface Monitor {
  /** Something happened: {@code caller} did {@code options.get("action")} on {@code options.get("topic")}. */
  void notice(Class<?> caller, Map<String, Object> options);

  /** {@code error} happened in {@code caller}. */
  void noticeError(Class<?> caller, Throwable error);

  /** The default monitor: notices at DEBUG and errors at ERROR on {@code logger}. */
  static Monitor logging(Logger logger) {
    return new LoggingMonitor(logger);
  }
}
