/** A real Kafka broker or cluster for development and tests: {@link dev.gregor.embedded.EmbeddedKafka}, its listeners and certificates, and the JUnit 5 extension. The only package of gregor-embedded that is API. */
package dev.gregor.embedded;
