/** Admin operations over kafka-clients' Admin: topics, groups, configs, offset resets, cluster probes, and the close names on unknown ones. Not API. */
package dev.gregor.client.internal.admin;
