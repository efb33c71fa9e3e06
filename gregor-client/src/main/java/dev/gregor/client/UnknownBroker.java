package dev.gregor.client;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** No broker of the cluster has the id asked for; {@link #knownIds()} lists those it has. */
public final class UnknownBroker extends GregorException {
  private static final long serialVersionUID = 1L;
  private final int brokerId;
  private final List<Integer> knownIds;

  /** Broker {@code brokerId} is not among {@code knownIds}. */
  public UnknownBroker(int brokerId, List<Integer> knownIds, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.brokerId = brokerId;
    this.knownIds = List.copyOf(knownIds);
  }

  /** The broker id that is not in the cluster. */
  public int brokerId() {
    return brokerId;
  }

  /** The ids of the cluster's brokers, sorted. */
  public List<Integer> knownIds() {
    return knownIds;
  }
}
