package io.rest2grpc.sample.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules of the legitimate-differences list, each against a difference it must and must not allow. */
class LegitimateDifferencesTest {
  private static final LegitimateDifferences RULES = LegitimateDifferences.parse("""
      body /orders/*/created_at within 5s | times a moment apart
      details /details/*/metadata on HEAD | a HEAD error has no body
      id body /id | random ids
      """);

  @Test
  void aStarIsOneSegmentAndNothingMore() {
    assertThat(RULES.ruleFor(new Difference("body /orders/3/created_at", "\"2026-12-07T00:11:34Z\"", "\"2026-12-07T00:11:35Z\""), "GET"))
        .isPresent();
    assertThat(RULES.ruleFor(new Difference("body /orders/3/items/0/created_at", "\"2026-12-07T00:11:34Z\"", "\"2026-12-07T00:11:35Z\""),
        "GET")).isEmpty();
    assertThat(RULES.ruleFor(new Difference("body /orders/3/created_at_local", "\"a\"", "\"b\""), "GET")).isEmpty();
    assertThat(RULES.ruleFor(new Difference("body /idempotency_key", "\"a\"", "\"b\""), "POST")).isEmpty();
  }

  @Test
  void withinAllowsOnlyTimestampsThatCloseTogether() {
    assertThat(RULES.ruleFor(new Difference("body /orders/0/created_at", "\"2026-12-07T00:11:34Z\"", "\"2026-12-07T00:11:39+00:00\""),
        "GET")).isPresent();
    assertThat(RULES.ruleFor(new Difference("body /orders/0/created_at", "\"2026-12-07T00:11:34Z\"", "\"2026-12-07T00:11:40Z\""),
        "GET")).as("6 s apart").isEmpty();
    assertThat(RULES.ruleFor(new Difference("body /orders/0/created_at", "\"2024-03-14T09:26:53Z\"", "\"2024-03-20T22:45:10Z\""),
        "GET")).as("a seed order's time, garbled").isEmpty();
    assertThat(RULES.ruleFor(new Difference("body /orders/0/created_at", "\"2026-12-07T00:11:34Z\"", "(absent)"), "GET")).isEmpty();
  }

  @Test
  void onLimitsARuleToOneHttpMethod() {
    Difference metadata = new Difference("details /details/0/metadata", "(absent)", "{\"reason\":\"x\"}");
    assertThat(RULES.ruleFor(metadata, "HEAD")).isPresent();
    assertThat(RULES.ruleFor(metadata, "GET")).isEmpty();
  }

  @Test
  void aLineThatIsNoRuleIsRefusedWithTheSyntax() {
    assertThatThrownBy(() -> LegitimateDifferences.parse("body created_at | no pointer")).hasMessageContaining("is not '[id ]<header");
  }
}
