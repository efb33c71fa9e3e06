package dev.gregor.spring.example;

/** An order as the {@code orders} topic carries it, in JSON. */
public record Order(String id, String customer, int amount) {}
