/** TLS material (PEM, key stores, system CAs) and SASL token providers for kafka-clients. Not API. */
package dev.gregor.client.internal.security;
