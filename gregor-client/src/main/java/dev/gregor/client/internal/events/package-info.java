/** The notifications bus, listener queues, spans, event kinds by name and kafka-clients request statistics. Not API. */
package dev.gregor.client.internal.events;
