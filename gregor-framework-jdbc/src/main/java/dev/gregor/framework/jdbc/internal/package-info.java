/** The offset store's SQL; not part of the API. */
package dev.gregor.framework.jdbc.internal;
