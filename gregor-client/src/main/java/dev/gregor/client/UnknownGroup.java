package dev.gregor.client;

/** The consumer group does not exist on the cluster. */
public final class UnknownGroup extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String groupId;

  public UnknownGroup(String groupId, String message, Throwable cause) {
    super(message, cause);
    this.groupId = groupId;
  }

  /** The group that does not exist. */
  public String groupId() {
    return groupId;
  }
}
