/** Group members, the loops over them (handlers, events, streams, publishers), offset tracking, pauses and rebalances, share-group members and group-less reading. Not API. */
package dev.gregor.client.internal.consumer;
