/** Requests, responses, sessions and HTML escaping on top of the JDK's HTTP server. */
package dev.gregor.web.internal.http;
