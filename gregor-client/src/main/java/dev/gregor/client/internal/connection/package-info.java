/** Checks before a client is used: seed brokers, API-versions and listener probes, and the diagnosis of a failed connect. Not API. */
package dev.gregor.client.internal.connection;
