/** The test kit's implementation: nothing here is API. */
package dev.gregor.framework.testkit.internal;
