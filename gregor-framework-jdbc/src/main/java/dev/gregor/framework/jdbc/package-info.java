/**
 * Offsets in your database for Gregor framework routes: {@link dev.gregor.framework.jdbc.JdbcOffsetStore}
 * stores each route's consumed offsets in the JDBC transaction of what its controller writes, and
 * de-duplicates by message id in the same transaction.
 */
@NullMarked
package dev.gregor.framework.jdbc;

import org.jspecify.annotations.NullMarked;
