/** How the dashboard reaches Kafka (a client made lazily, so a cluster that is down shows as a page) and shows payloads. */
package dev.gregor.web.internal.kafka;
