/** One class per page (or group of pages) of the dashboard, rendering server-side HTML. */
package dev.gregor.web.internal.pages;
