/**
 * Karafka-style applications on Gregor's client: an {@link dev.gregor.framework.App} with its
 * {@link dev.gregor.framework.Settings}, {@link dev.gregor.framework.Routes} to
 * {@link dev.gregor.framework.Controller}s, {@link dev.gregor.framework.Parser}s,
 * {@link dev.gregor.framework.Responder}s, a {@link dev.gregor.framework.TopicMapper} and a
 * {@link dev.gregor.framework.Monitor}. Everything else lives in {@code dev.gregor.framework.internal}.
 */
@NullMarked
package dev.gregor.framework;

import org.jspecify.annotations.NullMarked;
