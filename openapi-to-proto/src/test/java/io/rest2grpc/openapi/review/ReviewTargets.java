package io.rest2grpc.openapi.review;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The issue-15 targets of the corpus-wide review figures, in one place. A target marked {@code
 * asserted} fails the corpus pass when missed; the others are printed as "TARGET NOT MET" until the
 * converter meets them, when they are flipped to asserted.
 */
public final class ReviewTargets {
  private ReviewTargets() {}

  /** A corpus-wide limit on one figure; {@code percent} for a share, else a count. */
  public record Target(String figure, double limit, boolean percent, boolean asserted, ToDoubleFunction<ReviewTotals> measure) {
    String format(double value) {
      return percent ? String.format(Locale.ROOT, "%.2f %%", value) : String.format(Locale.ROOT, "%.0f", value);
    }
  }

  public static final List<Target> ISSUE_15 = List.of(
      new Target("RPC names repeating their service or a shared namespace", 1, true, true, ReviewTotals::stutterPercent),
      new Target("standard names whose operationId verb disagrees", 0, false, true, ReviewTotals::verbDisagrees),
      new Target("duplicate messages", 10, true, true, ReviewTotals::duplicateMessagesPercent),
      new Target("duplicate enums", 15, true, true, ReviewTotals::duplicateEnumsPercent),
      new Target("self-typed union members", 0, false, true, ReviewTotals::selfTypedMembers),
      new Target("page token fields named …page_token_<n>", 0, false, true, ReviewTotals::pageTokenN),
      new Target("non-comment proto lines over 200 characters", 0, false, true, ReviewTotals::longLines));
}
