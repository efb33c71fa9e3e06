/** Topic name rules and close-name suggestions (did you mean). Not API. */
package dev.gregor.client.internal.names;
