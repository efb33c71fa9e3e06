/** The framework's processing; not API. */
package dev.gregor.framework.internal.processing;
