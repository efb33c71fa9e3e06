/** What the commands share: Kafka options, output formats, JSON, name checks. Not API. */
package dev.gregor.cli.internal;
