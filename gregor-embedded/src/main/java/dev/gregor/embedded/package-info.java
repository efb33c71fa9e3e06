/** A real Kafka broker or cluster for development and tests: {@link dev.gregor.embedded.EmbeddedKafka}, its listeners and certificates, and the JUnit 5 extension. The only package of gregor-embedded that is API. Nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package dev.gregor.embedded;

import org.jspecify.annotations.NullMarked;
