/** What every client object shares: the gate that refuses calls after close, and the client's scope. Not API. */
package dev.gregor.client.internal.lifecycle;
