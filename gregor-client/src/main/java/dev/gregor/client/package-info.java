/** The Gregor client: {@link dev.gregor.client.Gregor#connect(String)}, producers, consumers, admin, instrumentation and the exceptions. The only package of gregor-client that is API. Nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package dev.gregor.client;

import org.jspecify.annotations.NullMarked;
