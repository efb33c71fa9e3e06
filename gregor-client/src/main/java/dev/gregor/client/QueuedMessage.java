package dev.gregor.client;

/**
 * A message taken from a queue (a KIP-932 share group), with how many times it has been
 * delivered, this time included.
 */
public record QueuedMessage(Message message, int deliveryCount) {}
