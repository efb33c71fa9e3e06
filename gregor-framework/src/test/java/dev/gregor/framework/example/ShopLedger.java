package dev.gregor.framework.example;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Where the example's controllers write, standing in for the shop's database. */
public final class ShopLedger {
  private static final Map<String, List<String>> ENTRIES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private ShopLedger() {}

  static void record(String book, String entry) {
    ENTRIES.computeIfAbsent(book, b -> new CopyOnWriteArrayList<>()).add(entry);
  }

  static void add(String counter, int amount) {
    COUNTS.computeIfAbsent(counter, c -> new AtomicInteger()).addAndGet(amount);
  }

  /** The entries written to {@code book}, in order. */
  public static List<String> entries(String book) {
    return ENTRIES.getOrDefault(book, List.of());
  }

  /** The count kept under {@code counter}. */
  public static int count(String counter) {
    AtomicInteger count = COUNTS.get(counter);
    return count == null ? 0 : count.get();
  }
}
