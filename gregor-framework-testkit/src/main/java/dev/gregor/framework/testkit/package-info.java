/**
 * A test kit for Gregor framework apps: {@link dev.gregor.framework.testkit.AppTestKit} runs an app
 * against the embedded broker in a user's own test.
 */
@NullMarked
package dev.gregor.framework.testkit;

import org.jspecify.annotations.NullMarked;
