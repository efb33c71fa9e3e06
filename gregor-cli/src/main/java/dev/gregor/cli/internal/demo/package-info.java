/** The example app that {@code gregor dev --demo} runs against the dev broker, with its traffic. */
package dev.gregor.cli.internal.demo;
