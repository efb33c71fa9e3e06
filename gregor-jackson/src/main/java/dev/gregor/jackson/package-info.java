/** JSON values with Jackson for the client's {@link dev.gregor.client.Serializer}; a module of its own so the client never pulls Jackson in. */
package dev.gregor.jackson;
