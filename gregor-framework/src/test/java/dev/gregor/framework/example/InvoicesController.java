package dev.gregor.framework.example;

import static dev.gregor.framework.BeforeEnqueue.Decision.ABORT;
import static dev.gregor.framework.BeforeEnqueue.Decision.PROCEED;

import dev.gregor.framework.Controller;
import java.util.Map;

/**
 * Invoices are slow to render, so the route is not inline: the server runs the callback and enqueues a job on
 * the {@code jobs} topic; a worker performs it.
 */
public final class InvoicesController extends Controller {
  public InvoicesController() {
    beforeEnqueue(params -> {
      Map<?, ?> invoice = params.value(Map.class);
      if (invoice == null || invoice.get("order") == null) {
        return ABORT; // nothing to render
      }
      params.put("queued_by", "server");
      return PROCEED;
    });
  }

  @Override
  protected void perform() {
    ShopLedger.record("invoices", params().value(Map.class).get("order") + " by " + params().get("queued_by")
        + " on " + Thread.currentThread().getName());
  }
}
