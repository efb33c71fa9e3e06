/** How the embedded cluster is built and run: node layout, broker properties, KRaft storage, child JVMs, certificates. Not API: may change in any release. */
package dev.gregor.embedded.internal;
