package dev.gregor.client;

import java.util.Map;

/**
 * The cluster's feature flags ({@code metadata.version}, {@code group.version}, …): the level each
 * is finalized at, and the range of levels the brokers support.
 */
public record Features(Map<String, Short> finalizedLevels, Map<String, Range> supported) {

  /** A range of feature levels, inclusive. */
  public record Range(short min, short max) {}
}
