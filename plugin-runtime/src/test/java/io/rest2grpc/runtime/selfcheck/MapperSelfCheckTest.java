package io.rest2grpc.runtime.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Money;
import io.rest2grpc.runtime.selfcheck.MapperSelfCheck.Case;
import io.rest2grpc.runtime.selfcheck.MapperSelfCheck.Mapped;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The self-check on hand-written mappers of {@code google.type.Money}, through Spring's Jackson converter: a faithful
 * mapper passes both ways, a lossy one fails naming the path and the switch, a DTO Jackson cannot read is skipped.
 */
class MapperSelfCheckTest {

  /** The app's DTO; Jackson names its properties as the REST JSON codec names the message's fields. */
  record Price(String currencyCode, int nanos) {}

  /** A DTO Jackson cannot build: no creator, no setters. */
  static final class Sealed {
    private final String currencyCode;

    Sealed(String currencyCode, boolean ignored) {
      this.currencyCode = currencyCode;
    }

    public String getCurrencyCode() {
      return currencyCode;
    }
  }

  /** A DTO the app prints under another name than the mapper was planned with (a mixin the plugin cannot see). */
  record Renamed(@JsonProperty("currency") String code, int nanos) {
    @JsonProperty("currency")
    public String code() {
      return code;
    }
  }

  /** A DTO whose currency the app never prints. */
  record Hidden(@JsonIgnore String currencyCode, int nanos) {}

  private static final ParameterizedTypeReference<Price> PRICE = new ParameterizedTypeReference<>() {};
  private static final MapperSelfCheck.Seed EXAMPLE = MapperSelfCheck.seed("#/components/schemas/Price/example",
      "{\"currencyCode\": \"GBP\", \"nanos\": 500}");

  /** Jackson's converter first, as Spring MVC lists it after the string converter. */
  private final MapperSelfCheck check = MapperSelfCheck.of(List.of(new StringHttpMessageConverter(),
      new MappingJackson2HttpMessageConverter()));

  @Test
  void aFaithfulMapperPassesBothWays() throws Exception {
    Mapped<Price, Money> mapped = MapperSelfCheck.both("PriceMapper", PRICE, Money.getDefaultInstance(),
        price -> Money.newBuilder().setCurrencyCode(price.currencyCode()).setNanos(price.nanos()).build(),
        money -> new Price(money.getCurrencyCode(), money.getNanos()), EXAMPLE);

    List<Case> cases = check.cases(mapped);

    assertThat(cases).extracting(Case::name).containsExactly("a request body from #/components/schemas/Price/example",
        "an answer from #/components/schemas/Price/example");
    for (Case each : cases) {
      assertThat(each.run()).isEmpty();
    }
  }

  @Test
  void aLossyAnswerFailsNamingThePathAndTheSwitch() {
    Mapped<Price, Money> mapped = MapperSelfCheck.answers("LossyPriceMapper", PRICE, Money.getDefaultInstance(),
        price -> Money.newBuilder().setNanos(price.nanos()).build(), EXAMPLE);

    assertThatThrownBy(() -> check.cases(mapped).get(0).run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LossyPriceMapper.toProto answers gRPC otherwise than REST answers")
        .hasMessageContaining("/currencyCode: expected \"GBP\"")
        .hasMessageContaining("add <dto>" + Price.class.getCanonicalName() + "</dto> to <bridgedDtos>");
  }

  @Test
  void aLossyRequestMapperFailsNamingThePath() {
    Mapped<Price, Money> mapped = MapperSelfCheck.requests("LossyPriceMapper", PRICE, Money.getDefaultInstance(),
        money -> new Price(money.getCurrencyCode(), 0), EXAMPLE);

    assertThatThrownBy(() -> check.cases(mapped).get(0).run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LossyPriceMapper.fromProto gives the handler another")
        .hasMessageContaining("/nanos: expected 500");
  }

  @Test
  void aDtoTheAppCannotReadIsNotCheckedAndSaysWhy() throws Exception {
    Mapped<Sealed, Money> mapped = MapperSelfCheck.answers("SealedMapper", new ParameterizedTypeReference<>() {},
        Money.getDefaultInstance(), dto -> Money.newBuilder().setCurrencyCode(dto.getCurrencyCode()).build(), EXAMPLE);

    Optional<String> skipped = check.cases(mapped).get(0).run();

    assertThat(skipped).hasValueSatisfying(reason -> assertThat(reason)
        .contains("cannot read " + Sealed.class.getTypeName()).contains("give it a @JsonCreator"));
  }

  @Test
  void anExampleThatIsNotTheMessagesRestJsonSaysSo() throws Exception {
    Mapped<Price, Money> mapped = MapperSelfCheck.requests("PriceMapper", PRICE, Money.getDefaultInstance(),
        money -> new Price(money.getCurrencyCode(), money.getNanos()),
        MapperSelfCheck.seed("#/components/schemas/Price/example", "{\"nanos\": \"many\"}"));

    assertThat(check.cases(mapped).get(0).run()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("is not REST JSON of google.type.Money").contains("correct the example in the spec"));
  }

  @Test
  void anAnswerWithAPropertyTheMessageLacksFails() {
    Mapped<Renamed, Money> mapped = MapperSelfCheck.both("RenamedMapper", new ParameterizedTypeReference<>() {},
        Money.getDefaultInstance(), dto -> Money.newBuilder().setCurrencyCode(Objects.toString(dto.code(), "")).setNanos(dto.nanos()).build(),
        money -> new Renamed(money.getCurrencyCode(), money.getNanos()), EXAMPLE);

    assertThatThrownBy(() -> check.cases(mapped).get(0).run())
        .hasMessageContaining("RenamedMapper.fromProto gives the handler another")
        .hasMessageContaining("/currency: expected null, got \"GBP\"");
    assertThatThrownBy(() -> check.cases(mapped).get(1).run())
        .hasMessageContaining("/currency: REST has it, the message has no such field");
  }

  @Test
  void aPropertyTheAppNeverPrintsFailsFromTheFilledDocument() throws Exception {
    Mapped<Hidden, Money> mapped = MapperSelfCheck.answers("HiddenMapper", new ParameterizedTypeReference<>() {},
        Money.getDefaultInstance(), dto -> Money.newBuilder().setCurrencyCode("GBP").setNanos(dto.nanos()).build(),
        MapperSelfCheck.filled("google.type.Money filled in", "{\"currencyCode\": \"GBP\", \"nanos\": 500}"));

    assertThatThrownBy(() -> check.cases(mapped).get(0).run())
        .hasMessageContaining("/currencyCode: REST's answer has (absent) for the document's \"GBP\"");
  }
}
