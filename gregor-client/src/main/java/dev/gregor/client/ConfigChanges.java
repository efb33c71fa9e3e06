package dev.gregor.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Incremental config changes for {@link Topics#alterConfigs}: only the named configs change,
 * the others keep their values. {@code ConfigChanges.set("retention.ms", "3600000").delete("cleanup.policy")}.
 */
public final class ConfigChanges {
  /** What happens to one config. */
  public enum Operation {
    /** Sets the value. */
    SET,
    /** Removes the topic's value, so the broker's default applies again. */
    DELETE,
    /** Adds values to a list config such as {@code cleanup.policy}. */
    APPEND,
    /** Removes values from a list config. */
    SUBTRACT
  }

  /** One change: the config's name, the operation, and the value (null for {@link Operation#DELETE}). */
  public record Change(String name, Operation operation, @Nullable String value) {}

  private final List<Change> changes;

  private ConfigChanges(List<Change> changes) {
    this.changes = changes;
  }

  /** Sets config {@code name} to {@code value}. */
  public static ConfigChanges set(String name, String value) {
    return new ConfigChanges(List.of()).and(name, Operation.SET, value);
  }

  /** Removes config {@code name}, so the broker's default applies again. */
  public static ConfigChanges delete(String name) {
    return new ConfigChanges(List.of()).and(name, Operation.DELETE, null);
  }

  /** These changes and {@code name} set to {@code value}. */
  public ConfigChanges andSet(String name, String value) {
    return and(name, Operation.SET, value);
  }

  /** These changes and {@code name} reset to the broker's default. */
  public ConfigChanges andDelete(String name) {
    return and(name, Operation.DELETE, null);
  }

  /** These changes plus appending {@code value} to list config {@code name}. */
  public ConfigChanges andAppend(String name, String value) {
    return and(name, Operation.APPEND, value);
  }

  /** These changes plus removing {@code value} from list config {@code name}. */
  public ConfigChanges andSubtract(String name, String value) {
    return and(name, Operation.SUBTRACT, value);
  }

  /** The changes in the order they were given. */
  public List<Change> changes() {
    return changes;
  }

  private ConfigChanges and(String name, Operation operation, @Nullable String value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("config name must not be blank");
    }
    if (operation != Operation.DELETE) {
      Objects.requireNonNull(value, "value of config " + name);
    }
    List<Change> next = new ArrayList<>(changes);
    next.add(new Change(name, operation, value));
    return new ConfigChanges(Collections.unmodifiableList(next));
  }

  @Override
  public String toString() {
    return changes.toString();
  }
}
