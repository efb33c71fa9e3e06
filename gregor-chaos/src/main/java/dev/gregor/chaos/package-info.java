/** The produce-consume-validate checker of the fault suite: histories, reports and guarantees. */
package dev.gregor.chaos;
