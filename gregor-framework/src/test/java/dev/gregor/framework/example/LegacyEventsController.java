package dev.gregor.framework.example;

import dev.gregor.framework.Controller;
import java.util.List;

/** Legacy events: a line the CSV parser refuses still reaches here, raw, with the parse error. */
public final class LegacyEventsController extends Controller {
  @Override
  protected void perform() {
    if (params().parseError() != null) {
      ShopLedger.record("legacy_rejected", params().rawString());
      return;
    }
    List<?> fields = params().value(List.class);
    ShopLedger.record("legacy", fields.get(0) + ":" + fields.get(1));
  }
}
