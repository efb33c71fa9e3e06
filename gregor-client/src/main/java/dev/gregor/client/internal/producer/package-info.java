/** The producers' machinery: the bounded buffer, deliveries and acknowledgements, the async worker and its shutdown drain, transactions and partitioning. Not API. */
package dev.gregor.client.internal.producer;
