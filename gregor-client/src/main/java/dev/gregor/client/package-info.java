/** The Gregor client: {@link dev.gregor.client.Gregor#connect(String)}, producers, consumers, admin, instrumentation and the exceptions. The only package of gregor-client that is API. */
package dev.gregor.client;
