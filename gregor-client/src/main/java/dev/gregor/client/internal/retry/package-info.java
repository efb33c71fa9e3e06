/** Backoff arithmetic shared by error policies, pauses and redelivery. Not API. */
package dev.gregor.client.internal.retry;
