/** JSON values with Jackson for the client's {@link dev.gregor.client.Serializer}; a module of its own so the client never pulls Jackson in. Nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package dev.gregor.jackson;

import org.jspecify.annotations.NullMarked;
