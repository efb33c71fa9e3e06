/** The framework's routing; not API. */
package dev.gregor.framework.internal.routing;
