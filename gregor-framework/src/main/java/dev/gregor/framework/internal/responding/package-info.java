/** The framework's responding; not API. */
package dev.gregor.framework.internal.responding;
