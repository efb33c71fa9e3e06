/** Reports each process publishes to the reports topic and the commands it obeys from the commands topic, for the dashboard. */
package dev.gregor.framework.internal.reporting;
