package dev.gregor.framework.internal.jobs;

/** The headers of a job record on a jobs topic; the value is the route's interchanger's bytes. */
public final class JobHeaders {
  /** A unique id per job (a UUID), the same on every delivery of the job. */
  public static final String ID = "gregor-job-id";
  /** The clean topic of the route whose controller performs the job. */
  public static final String ROUTE = "gregor-job-route";

  private JobHeaders() {}
}
