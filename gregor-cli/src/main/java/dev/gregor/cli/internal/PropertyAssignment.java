package dev.gregor.cli.internal;

/** One {@code -X key=value} from the command line. */
public record PropertyAssignment(String key, String value) {

  /** Parses {@code key=value}; the value may itself contain '=' (as a JAAS line does). */
  public static PropertyAssignment parse(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not KEY=VALUE; for example -X security.protocol=SASL_SSL");
    }
    return new PropertyAssignment(text.substring(0, equals).trim(), text.substring(equals + 1));
  }
}
