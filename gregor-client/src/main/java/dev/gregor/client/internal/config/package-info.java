/** The kafka-clients property pass-through: known names, value checks and the properties each client gets. Not API. */
package dev.gregor.client.internal.config;
