package dev.gregor.client.internal.consumer;

import dev.gregor.client.internal.names.CloseNames;
import dev.gregor.client.internal.names.TopicNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The topics and patterns a consumer subscribed to, each with its own start (ruby-kafka "Topic
 * Subscriptions": {@code start_from_beginning} per {@code subscribe} call).
 */
public final class Subscriptions {
  private final Map<String, Boolean> topics = new LinkedHashMap<>();
  private final Map<Pattern, Boolean> patterns = new LinkedHashMap<>();

  public void add(Collection<String> names, boolean startFromBeginning) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("subscribe to at least one topic");
    }
    names.forEach(TopicNames::check);
    names.forEach(name -> topics.put(name, startFromBeginning));
  }

  public void add(Pattern pattern, boolean startFromBeginning) {
    if (pattern == null) {
      throw new IllegalArgumentException("pattern must not be null");
    }
    patterns.put(pattern, startFromBeginning);
  }

  public boolean isEmpty() {
    return topics.isEmpty() && patterns.isEmpty();
  }

  List<String> topics() {
    return new ArrayList<>(topics.keySet());
  }

  boolean hasPatterns() {
    return !patterns.isEmpty();
  }

  /** One pattern matching every subscribed topic and pattern, since kafka-clients takes either a list or one pattern. */
  Pattern combined() {
    List<String> alternatives = new ArrayList<>();
    patterns.keySet().forEach(p -> alternatives.add("(?:" + p.pattern() + ")"));
    topics.keySet().forEach(t -> alternatives.add(Pattern.quote(t)));
    return Pattern.compile(String.join("|", alternatives));
  }

  /** The start shared by every subscription, or null when they differ and each partition's must be looked up. */
  Boolean commonStart() {
    List<Boolean> starts = new ArrayList<>(topics.values());
    starts.addAll(patterns.values());
    boolean first = starts.get(0);
    return starts.stream().allMatch(start -> start == first) ? first : null;
  }

  /** Whether a partition of {@code topic} with no committed offset starts from the beginning. */
  boolean startsFromBeginning(String topic) {
    Boolean start = topics.get(topic);
    if (start != null) {
      return start;
    }
    for (Map.Entry<Pattern, Boolean> entry : patterns.entrySet()) {
      if (entry.getKey().matcher(topic).matches()) {
        return entry.getValue();
      }
    }
    return true;
  }

  /** Explicitly named topics missing from {@code existing}, in name order, with the close existing names of each. */
  Map<String, List<String>> missing(Collection<String> existing) {
    List<String> candidates = existing.stream().filter(e -> !e.startsWith("__")).toList(); // not Kafka's own topics
    Map<String, List<String>> missing = new TreeMap<>();
    topics.keySet().stream().filter(topic -> !existing.contains(topic))
        .forEach(topic -> missing.put(topic, CloseNames.closest(topic, candidates)));
    return missing;
  }

  @Override
  public String toString() {
    List<String> all = new ArrayList<>(topics.keySet());
    all.addAll(patterns.keySet().stream().map(p -> "/" + p.pattern() + "/").collect(Collectors.toList()));
    return all.toString();
  }
}
