/** The dashboard's server: settings, request dispatch, login sessions; not for use outside gregor-web. */
package dev.gregor.web.internal;
