/** The framework's implementation: nothing here is API. */
package dev.gregor.framework.internal;
