/** The framework's jobs; not API. */
package dev.gregor.framework.internal.jobs;
