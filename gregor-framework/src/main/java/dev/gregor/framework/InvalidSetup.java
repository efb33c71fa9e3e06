package dev.gregor.framework;

import dev.gregor.client.GregorException;
import java.util.List;

/** An app that cannot be built: every problem of its settings and routes, each naming the setting or route. */
public final class InvalidSetup extends GregorException {
  private final List<String> errors;

  /** Every problem found, in order. */
  public InvalidSetup(List<String> errors) {
    super("Invalid Gregor app (" + errors.size() + (errors.size() == 1 ? " problem" : " problems") + "):\n  - "
        + String.join("\n  - ", errors), null);
    this.errors = List.copyOf(errors);
  }

  /** Each problem, in the order found. */
  public List<String> errors() {
    return errors;
  }
}
