/** How the starter maps properties onto Gregor's builders, runs the app with the context, reports health and binds meters; not part of the API. */
package dev.gregor.spring.internal;
