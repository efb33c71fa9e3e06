package dev.gregor.framework.example;

/** An order as the shop's clients send it, as JSON. */
public record Order(String id, String customer, int amount) {
  /** Orders over 100 also go to the VIP desk. */
  boolean vip() {
    return amount > 100;
  }
}
