package dev.gregor.client;

import org.jspecify.annotations.Nullable;

import dev.gregor.client.internal.names.CloseNames;
import java.util.List;

/**
 * The consumer group does not exist on the cluster. {@link #groupId()} names it and
 * {@link #suggestions()} lists existing groups with close names, for "did you mean" hints.
 */
public final class UnknownGroup extends GregorException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String groupId;
  private final List<String> suggestions;

  /** {@code groupId} does not exist; {@code suggestions} are existing groups close to it. */
  public UnknownGroup(@Nullable String groupId, String message, @Nullable Throwable cause) {
    this(groupId, message, List.of(), cause);
  }

  /** {@code groupId} does not exist; {@code suggestions} are existing groups close to it. */
  public UnknownGroup(@Nullable String groupId, String message, List<String> suggestions, @Nullable Throwable cause) {
    super(message, cause);
    this.groupId = groupId;
    this.suggestions = List.copyOf(suggestions);
  }

  /** The group that does not exist. */
  public @Nullable String groupId() {
    return groupId;
  }

  /**
   * Existing consumer groups whose ids are close to {@link #groupId()}, closest first, at most
   * three; empty when none is close or the groups could not be listed.
   */
  public List<String> suggestions() {
    return suggestions;
  }

  /** The hint for a message or a command line: {@code did you mean 'orders' or 'order'?}, or empty when nothing is close. */
  public String didYouMean() {
    return CloseNames.question(suggestions);
  }
}
