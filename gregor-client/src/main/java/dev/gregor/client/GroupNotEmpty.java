package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** The consumer group still has active members, so it cannot be deleted or have its offsets reset (unless forced). */
public final class GroupNotEmpty extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String groupId;

  /** Group {@code groupId} still has members, so the operation was refused. */
  public GroupNotEmpty(String groupId, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.groupId = groupId;
  }

  /** The group that still has members. */
  public String groupId() {
    return groupId;
  }
}
