/**
 * The Gregor dashboard: {@link dev.gregor.web.Dashboard} serves pages about a Kafka cluster, its topics,
 * messages and consumer groups, embeddable in an application or run by {@code gregor web}.
 */
@NullMarked
package dev.gregor.web;

import org.jspecify.annotations.NullMarked;
