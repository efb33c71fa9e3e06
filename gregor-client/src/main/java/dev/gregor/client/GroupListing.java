package dev.gregor.client;

/**
 * One consumer group as {@link Groups#list} finds it: its id, state ({@code Stable}, {@code Empty},
 * {@code PreparingRebalance}, …) and type ({@code classic} or {@code consumer}, KIP-848).
 */
public record GroupListing(String groupId, String state, String type) {}
