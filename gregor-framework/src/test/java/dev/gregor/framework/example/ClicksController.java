package dev.gregor.framework.example;

import dev.gregor.framework.Controller;

/** Clicks come in batches (batch mode): one count per batch, not one write per click. */
public final class ClicksController extends Controller {
  @Override
  protected void perform() {
    ShopLedger.add("clicks", batch().size());
  }
}
