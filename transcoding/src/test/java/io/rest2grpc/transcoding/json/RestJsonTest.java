package io.rest2grpc.transcoding.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Value;
import io.rest2grpc.test.v1.ArrayOfInt64;
import io.rest2grpc.test.v1.ArrayOfString;
import io.rest2grpc.test.v1.BankTransfer;
import io.rest2grpc.test.v1.Card;
import io.rest2grpc.test.v1.Cat;
import io.rest2grpc.test.v1.Charge;
import io.rest2grpc.test.v1.Checkout;
import io.rest2grpc.test.v1.Child;
import io.rest2grpc.test.v1.Color;
import io.rest2grpc.test.v1.Customer;
import io.rest2grpc.test.v1.CustomerRef;
import io.rest2grpc.test.v1.Dog;
import io.rest2grpc.test.v1.EmissionCases;
import io.rest2grpc.test.v1.Enums;
import io.rest2grpc.test.v1.FreeForm;
import io.rest2grpc.test.v1.Int64s;
import io.rest2grpc.test.v1.Labels;
import io.rest2grpc.test.v1.MapOfString;
import io.rest2grpc.test.v1.Matrix;
import io.rest2grpc.test.v1.Metrics;
import io.rest2grpc.test.v1.Names;
import io.rest2grpc.test.v1.Node;
import io.rest2grpc.test.v1.NullElements;
import io.rest2grpc.test.v1.Nullables;
import io.rest2grpc.test.v1.OrderStatus;
import io.rest2grpc.test.v1.Party;
import io.rest2grpc.test.v1.Payment;
import io.rest2grpc.test.v1.Pet;
import io.rest2grpc.test.v1.Primitives;
import io.rest2grpc.test.v1.Priority;
import io.rest2grpc.test.v1.Supplier;
import io.rest2grpc.test.v1.Temporals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One nested class per rule of the codec (see package-info), each in both directions. */
class RestJsonTest {
  private final List<String> unknown = new ArrayList<>();
  private final RestJson json = RestJson.create().withListener(new RestJsonListener() {
    @Override
    public void unknownProperty(String pointer) {
      unknown.add("property " + pointer);
    }

    @Override
    public void unknownEnumValue(String pointer, String value) {
      unknown.add("enum " + pointer + " " + value);
    }
  });

  private <B extends Message.Builder> Message parse(String text, B builder) {
    return json.parse(text, builder).build();
  }

  @Nested
  class PropertyNames {
    private final Names names = Names.newBuilder()
        .setDisplayName("Ann").setCreatedBy("bob").setKindName("admin").setOdataType("#user").build();

    @Test
    void printsTheRestNameElseTheJsonName() {
      assertThat(json.print(names))
          .isEqualTo("{\"displayName\":\"Ann\",\"created_by\":\"bob\",\"kind\":\"admin\",\"@odata.type\":\"#user\"}");
    }

    @Test
    void parsesRestJsonAndProtoNames() {
      assertThat(parse("{\"displayName\":\"Ann\",\"created_by\":\"bob\",\"kind\":\"admin\",\"@odata.type\":\"#user\"}",
          Names.newBuilder())).isEqualTo(names);
      assertThat(parse("{\"display_name\":\"Ann\",\"created_by\":\"bob\",\"kindName\":\"admin\",\"odata_type\":\"#user\"}",
          Names.newBuilder())).isEqualTo(names);
      assertThat(unknown).isEmpty();
    }
  }

  @Nested
  class EnumValues {
    @Test
    void printsRestValuesAndIntegerValuesIncludingZero() {
      Enums enums = Enums.newBuilder()
          .setStatus(OrderStatus.ORDER_STATUS_IN_PROGRESS)
          .setPriority(Priority.PRIORITY_LOW)
          .addHistory(OrderStatus.ORDER_STATUS_PENDING).addHistory(OrderStatus.ORDER_STATUS_SHIPPED)
          .setColor(Color.COLOR_RED)
          .putByRegion("eu", OrderStatus.ORDER_STATUS_SHIPPED)
          .build();
      assertThat(json.print(enums)).isEqualTo("{\"status\":\"in-progress\",\"priority\":0,"
          + "\"history\":[\"pending\",\"shipped\"],\"color\":\"red\",\"by_region\":{\"eu\":\"shipped\"}}");
    }

    @Test
    void neverPrintsTheUnspecifiedValue() {
      Enums enums = Enums.newBuilder().setPrevious(OrderStatus.ORDER_STATUS_UNSPECIFIED)
          .addHistory(OrderStatus.ORDER_STATUS_UNSPECIFIED).build();
      assertThat(json.print(enums)).isEqualTo("{\"history\":[]}");
    }

    @Test
    void parsesRestValuesProtoNamesAndNumbers() {
      assertThat(parse("{\"status\":\"ORDER_STATUS_SHIPPED\",\"priority\":10,\"history\":[1,\"in-progress\"],"
          + "\"previous\":\"shipped\"}", Enums.newBuilder())).isEqualTo(Enums.newBuilder()
          .setStatus(OrderStatus.ORDER_STATUS_SHIPPED)
          .setPriority(Priority.PRIORITY_HIGH)
          .addHistory(OrderStatus.ORDER_STATUS_PENDING).addHistory(OrderStatus.ORDER_STATUS_IN_PROGRESS)
          .setPrevious(OrderStatus.ORDER_STATUS_SHIPPED)
          .build());
      assertThat(((Enums) parse("{\"priority\":0}", Enums.newBuilder())).getPriority()).isEqualTo(Priority.PRIORITY_LOW);
    }

    @Test
    void keepsTheMessageButDropsAndCountsUnknownValues() {
      Enums enums = (Enums) parse("{\"status\":\"cancelled\",\"history\":[\"pending\",\"lost\"],\"by_region\":{\"us\":\"gone\"}}",
          Enums.newBuilder());
      assertThat(enums).isEqualTo(Enums.newBuilder().addHistory(OrderStatus.ORDER_STATUS_PENDING).build());
      assertThat(unknown).containsExactly("enum /status cancelled", "enum /history/1 lost", "enum /by_region/us gone");
    }

    @Test
    void rejectsUnknownValuesWhenTheEnumSaysSo() {
      assertThatThrownBy(() -> json.parse("{\"color\":\"blue\"}", Enums.newBuilder()))
          .isInstanceOf(RestJsonException.class)
          .hasMessage("at /color: unknown Color value 'blue'")
          .extracting(e -> ((RestJsonException) e).pointer()).isEqualTo("/color");
    }

    @Test
    void aRequestMayNotNameTheUnspecifiedValue() {
      // found by HttpTranscoderFuzzTest: ?state=0 bound an element that has no REST form to print back
      RestJson requests = json.rejectingUnknownEnums();
      assertThatThrownBy(() -> requests.parse("{\"history\":[\"pending\",0]}", Enums.newBuilder()))
          .hasMessage("at /history/1: unknown OrderStatus value '0'");
      assertThatThrownBy(() -> requests.parse("{\"history\":[\"ORDER_STATUS_UNSPECIFIED\"]}", Enums.newBuilder()))
          .hasMessage("at /history/0: unknown OrderStatus value 'ORDER_STATUS_UNSPECIFIED'");
    }
  }

  @Nested
  class SixtyFourBitIntegers {
    private final Int64s numbers = Int64s.newBuilder()
        .setSigned(9_007_199_254_740_993L).setUnsigned(-1L).setFixed(5).setZigzag(-7)
        .addList(1).addList(2).setBoxed(Int64Value.of(42)).build();

    @Test
    void printsNumbersOrStringsByTheEffectiveEncoding() {
      assertThat(json.print(numbers)).isEqualTo("{\"signed\":9007199254740993,\"unsigned\":18446744073709551615,"
          + "\"fixed\":5,\"zigzag\":\"-7\",\"list\":[\"1\",\"2\"],\"boxed\":42}");
    }

    @Test
    void parsesNumbersAndStrings() {
      assertThat(parse("{\"signed\":\"9007199254740993\",\"unsigned\":\"18446744073709551615\",\"fixed\":5.0,"
          + "\"zigzag\":-7,\"list\":[1,\"2\"],\"boxed\":\"42\"}", Int64s.newBuilder())).isEqualTo(numbers);
      assertThat(parse("{\"signed\":1e3}", Int64s.newBuilder())).isEqualTo(Int64s.newBuilder().setSigned(1000).build());
    }

    @Test
    void rejectsFractionsAndOverflow() {
      assertThatThrownBy(() -> json.parse("{\"signed\":2.5}", Int64s.newBuilder()))
          .hasMessage("at /signed: 2.5 is not an integer");
      assertThatThrownBy(() -> json.parse("{\"list\":[1,\"9223372036854775808\"]}", Int64s.newBuilder()))
          .hasMessage("at /list/1: 9223372036854775808 is out of the int64 range");
    }

    @Test
    void rejectsAnExponentJacksonWillNotExpand() {
      // found by HttpTranscoderFuzzTest: Jackson's NumberFormatException escaped as a crash
      assertThatThrownBy(() -> json.parse("{\"signed\":156285E041056285400}", Int64s.newBuilder()))
          .isInstanceOf(RestJsonException.class)
          .hasMessageStartingWith("at /signed: malformed number:");
    }
  }

  @Nested
  class Emission {
    @Test
    void printsUnsetFieldsByEmission() {
      assertThat(json.print(EmissionCases.getDefaultInstance())).isEqualTo("{\"always\":\"\",\"alwaysOptional\":null,"
          + "\"alwaysList\":[],\"alwaysChild\":null,\"alwaysStatus\":null,\"nonNull\":0,\"nonEmptyNumber\":0,"
          + "\"nonNullMap\":{}}");
    }

    @Test
    void printsSetFieldsByEmission() {
      EmissionCases set = EmissionCases.newBuilder()
          .setPlain("x").setMaybe(0).setChild(Child.getDefaultInstance()).addList("a")
          .setAlways("a").setAlwaysOptional("").setAlwaysChild(Child.newBuilder().setName("c"))
          .setAlwaysStatus(OrderStatus.ORDER_STATUS_PENDING)
          .setNonNullOptional(0).setNonEmpty("").setNonEmptyNumber(0)
          .build();
      assertThat(json.print(set)).isEqualTo("{\"plain\":\"x\",\"maybe\":0,\"child\":{},\"list\":[\"a\"],\"always\":\"a\","
          + "\"alwaysOptional\":\"\",\"alwaysList\":[],\"alwaysChild\":{\"name\":\"c\"},\"alwaysStatus\":\"pending\","
          + "\"nonNull\":0,\"nonNullOptional\":0,\"nonEmptyNumber\":0,\"nonNullMap\":{}}");
    }

    @Test
    void parsesWhatItPrints() {
      EmissionCases empty = EmissionCases.getDefaultInstance();
      assertThat(parse(json.print(empty), EmissionCases.newBuilder())).isEqualTo(empty);
    }

    @Test
    void nullClearsTheField() {
      EmissionCases.Builder builder = EmissionCases.newBuilder()
          .setPlain("x").setMaybe(3).setChild(Child.newBuilder().setName("c")).addList("a");
      json.parse("{\"plain\":null,\"maybe\":null,\"child\":null,\"list\":null}", builder);
      assertThat(builder.build()).isEqualTo(EmissionCases.getDefaultInstance());
      assertThat(builder.hasMaybe()).isFalse();
    }
  }

  @Nested
  class NullableCollections {
    @Test
    void nullParsesAsEmpty() {
      assertThat(parse("{\"tags\":null,\"labels\":null,\"alwaysTags\":null}", Nullables.newBuilder()))
          .isEqualTo(Nullables.getDefaultInstance());
    }

    @Test
    void printingFollowsEmission() {
      assertThat(json.print(Nullables.getDefaultInstance())).isEqualTo("{\"alwaysTags\":[]}");
      Nullables filled = Nullables.newBuilder().addTags("a").putLabels("k", "v").build();
      assertThat(json.print(filled)).isEqualTo("{\"tags\":[\"a\"],\"labels\":{\"k\":\"v\"},\"alwaysTags\":[]}");
      assertThat(parse(json.print(filled), Nullables.newBuilder())).isEqualTo(filled);
    }
  }

  @Nested
  class DatesTimesAndDurations {
    private final Temporals temporals = Temporals.newBuilder()
        .setAt(Timestamp.newBuilder().setSeconds(1_714_558_530L).setNanos(120_000_000))
        .setTook(Duration.newBuilder().setSeconds(1).setNanos(500_000_000))
        .setIso(Duration.newBuilder().setSeconds(90))
        .setDay("2024-05-01").setClock("13:45:00").setStamp("2024-05-01T12:00:00+02:00").setSpan("P1D")
        .build();

    @Test
    void printsUtcTimestampsCanonicalDurationsAndStringsUnchanged() {
      assertThat(json.print(temporals)).isEqualTo("{\"at\":\"2024-05-01T10:15:30.120Z\",\"took\":\"1.500s\","
          + "\"iso\":\"PT1M30S\",\"day\":\"2024-05-01\",\"clock\":\"13:45:00\","
          + "\"stamp\":\"2024-05-01T12:00:00+02:00\",\"span\":\"P1D\"}");
    }

    @Test
    void parsesAnyOffsetAndBothDurationForms() {
      assertThat(parse("{\"at\":\"2024-05-01T12:15:30.12+02:00\",\"took\":\"PT1.5S\",\"iso\":\"90s\","
          + "\"day\":\"2024-05-01\",\"clock\":\"13:45:00\",\"stamp\":\"2024-05-01T12:00:00+02:00\",\"span\":\"P1D\"}",
          Temporals.newBuilder())).isEqualTo(temporals);
      assertThat(parse("{\"took\":\"-1.5s\"}", Temporals.newBuilder())).isEqualTo(Temporals.newBuilder()
          .setTook(Duration.newBuilder().setSeconds(-1).setNanos(-500_000_000)).build());
    }

    @Test
    void rejectsWhatIsNotADateTime() {
      assertThatThrownBy(() -> json.parse("{\"at\":\"yesterday\"}", Temporals.newBuilder()))
          .hasMessage("at /at: 'yesterday' is not an RFC 3339 date-time");
    }
  }

  @Nested
  class DiscriminatedUnions {
    private final Checkout checkout = Checkout.newBuilder().setId("c1")
        .setPayment(Payment.newBuilder().setCard(Card.newBuilder().setMethod("card").setToken("tok").setExpiryYear(2030)))
        .build();

    @Test
    void printsTheVariantFlat() {
      assertThat(json.print(checkout))
          .isEqualTo("{\"id\":\"c1\",\"payment\":{\"method\":\"card\",\"token\":\"tok\",\"expiry_year\":2030}}");
    }

    @Test
    void printsTheDiscriminatorWhereTheVariantLeavesItEmpty() {
      Payment payment = Payment.newBuilder().setCard(Card.newBuilder().setToken("t")).build();
      assertThat(json.print(payment)).isEqualTo("{\"method\":\"card\",\"token\":\"t\"}");
    }

    @Test
    void parsesTheVariantNamedByTheDiscriminatorWhereverItComes() {
      assertThat(parse("{\"id\":\"c1\",\"payment\":{\"method\":\"card\",\"token\":\"tok\",\"expiry_year\":2030}}",
          Checkout.newBuilder())).isEqualTo(checkout);
      assertThat(parse("{\"id\":\"c1\",\"payment\":{\"token\":\"tok\",\"expiry_year\":2030,\"method\":\"card\"}}",
          Checkout.newBuilder())).isEqualTo(checkout);
      assertThat(parse("{\"iban\":\"DE89\",\"method\":\"sepa\"}", Payment.newBuilder())).isEqualTo(Payment.newBuilder()
          .setBankTransfer(BankTransfer.newBuilder().setMethod("sepa").setIban("DE89")).build());
    }

    @Test
    void printsAndParsesVariantsBesideTheContainersProperties() {
      Pet rex = Pet.newBuilder().setName("Rex").setDog(Dog.newBuilder().setGood(true)).build();
      assertThat(json.print(rex)).isEqualTo("{\"name\":\"Rex\",\"kind\":\"DOG\",\"good\":true}");
      assertThat(parse("{\"good\":true,\"kind\":\"DOG\",\"name\":\"Rex\"}", Pet.newBuilder())).isEqualTo(rex);
    }

    @Test
    void choosesByKeysWhenTheDiscriminatorIsMissing() {
      assertThat(parse("{\"name\":\"Tom\",\"lives\":9}", Pet.newBuilder()))
          .isEqualTo(Pet.newBuilder().setName("Tom").setCat(Cat.newBuilder().setLives(9)).build());
    }

    @Test
    void countsPropertiesNoVariantKnows() {
      parse("{\"payment\":{\"cvv\":\"123\",\"method\":\"card\",\"pin\":1}}", Checkout.newBuilder());
      assertThat(unknown).containsExactly("property /payment/pin", "property /payment/cvv");
    }

    @Test
    void rejectsAnUnknownDiscriminatorValue() {
      assertThatThrownBy(() -> json.parse("{\"payment\":{\"method\":\"cash\"}}", Checkout.newBuilder()))
          .hasMessage("at /payment/method: unknown method 'cash' (expected one of: bank_transfer, card, sepa)");
    }
  }

  @Nested
  class UndiscriminatedUnions {
    private final Charge charge = Charge.newBuilder()
        .setCustomer(CustomerRef.newBuilder().setStringValue("cus_1"))
        .setParty(Party.newBuilder().setSupplier(Supplier.newBuilder().setId("s1").setVatNumber("DE1")))
        .addRelated(CustomerRef.newBuilder().setCustomer(Customer.newBuilder().setId("c").setName("n")))
        .addRelated(CustomerRef.newBuilder().setStringValue("x"))
        .build();

    @Test
    void printsTheBareVariant() {
      assertThat(json.print(charge)).isEqualTo("{\"customer\":\"cus_1\",\"party\":{\"id\":\"s1\",\"vat_number\":\"DE1\"},"
          + "\"related\":[{\"id\":\"c\",\"name\":\"n\"},\"x\"]}");
    }

    @Test
    void parsesByTokenTypeAndObjectsByTheirKeys() {
      assertThat(parse("{\"customer\":\"cus_1\",\"party\":{\"vat_number\":\"DE1\",\"id\":\"s1\"},"
          + "\"related\":[{\"id\":\"c\",\"name\":\"n\"},\"x\"]}", Charge.newBuilder())).isEqualTo(charge);
      assertThat(party("12.5")).isEqualTo(Party.newBuilder().setNumberValue(12.5).build());
      assertThat(party("true")).isEqualTo(Party.newBuilder().setBooleanValue(true).build());
      assertThat(party("[\"a\",\"b\"]"))
          .isEqualTo(Party.newBuilder().setListValue(ArrayOfString.newBuilder().addValues("a").addValues("b")).build());
      assertThat(((Charge) parse("{\"party\":null}", Charge.newBuilder())).hasParty()).isFalse();
    }

    @Test
    void printsScalarAndArrayVariants() {
      assertThat(json.print(Party.newBuilder().setNumberValue(12.5).build())).isEqualTo("12.5");
      assertThat(json.print(Party.newBuilder().setListValue(ArrayOfString.newBuilder().addValues("a")).build()))
          .isEqualTo("[\"a\"]");
    }

    @Test
    void rejectsAValueNoVariantTakes() {
      assertThatThrownBy(() -> json.parse("{\"party\":\"someone\"}", Charge.newBuilder()))
          .hasMessage("at /party: no variant of Party takes a string");
    }

    private Party party(String value) {
      return ((Charge) parse("{\"party\":" + value + "}", Charge.newBuilder())).getParty();
    }
  }

  @Nested
  class WrapperMessages {
    private final Matrix matrix = Matrix.newBuilder()
        .addRows(ArrayOfInt64.newBuilder().addValues(1).addValues(2))
        .addRows(ArrayOfInt64.newBuilder().addValues(3))
        .putGroups("a", ArrayOfString.newBuilder().addValues("x").addValues("y").build())
        .addTables(MapOfString.newBuilder().putValues("k", "v"))
        .build();

    @Test
    void printsBareArraysAndObjects() {
      assertThat(json.print(matrix))
          .isEqualTo("{\"rows\":[[1,2],[3]],\"groups\":{\"a\":[\"x\",\"y\"]},\"tables\":[{\"k\":\"v\"}]}");
      assertThat(json.print(ArrayOfString.newBuilder().addValues("a").build())).isEqualTo("[\"a\"]");
    }

    @Test
    void parsesBareArraysAndObjects() {
      assertThat(parse("{\"rows\":[[1,2],[3]],\"groups\":{\"a\":[\"x\",\"y\"]},\"tables\":[{\"k\":\"v\"}]}",
          Matrix.newBuilder())).isEqualTo(matrix);
      assertThat(parse("[\"a\",\"b\"]", ArrayOfString.newBuilder()))
          .isEqualTo(ArrayOfString.newBuilder().addValues("a").addValues("b").build());
    }
  }

  @Nested
  class FreeFormJson {
    private static final String TEXT = "{\"attributes\":{\"n\":1,\"f\":1.5,\"s\":\"x\",\"b\":true,\"z\":null,"
        + "\"l\":[1,\"a\"],\"o\":{\"k\":2}},\"anything\":null,\"list\":[1,2.5],\"nothing\":{}}";

    @Test
    void parsesArbitraryJson() {
      FreeForm free = (FreeForm) parse(TEXT, FreeForm.newBuilder());
      assertThat(free.getAttributes().getFieldsOrThrow("n").getNumberValue()).isEqualTo(1.0);
      assertThat(free.getAttributes().getFieldsOrThrow("z").getNullValue()).isEqualTo(NullValue.NULL_VALUE);
      assertThat(free.getAttributes().getFieldsOrThrow("o").getStructValue().getFieldsOrThrow("k").getNumberValue())
          .isEqualTo(2.0);
      assertThat(free.hasAnything()).isTrue();
      assertThat(free.getAnything().getKindCase()).isEqualTo(Value.KindCase.NULL_VALUE);
      assertThat(free.getList()).isEqualTo(ListValue.newBuilder()
          .addValues(Value.newBuilder().setNumberValue(1)).addValues(Value.newBuilder().setNumberValue(2.5)).build());
      assertThat(free.getNothing()).isEqualTo(Empty.getDefaultInstance());
    }

    @Test
    void printsIntegralNumbersWithoutAFraction() {
      assertThat(json.print(parse(TEXT, FreeForm.newBuilder()))).isEqualTo(TEXT);
    }
  }

  @Nested
  class NullElementsOfArrays {
    @Test
    void keepsNullValuesAndSkipsOtherNullElements() {
      NullElements parsed = (NullElements) parse("{\"names\":[\"a\",null,\"b\"],\"customers\":[null,{\"id\":\"c\"}],"
          + "\"values\":[1,null,\"x\"]}", NullElements.newBuilder());
      assertThat(parsed.getNamesList()).containsExactly("a", "b");
      assertThat(parsed.getCustomersList()).containsExactly(Customer.newBuilder().setId("c").build());
      assertThat(parsed.getValuesList()).extracting(Value::getKindCase)
          .containsExactly(Value.KindCase.NUMBER_VALUE, Value.KindCase.NULL_VALUE, Value.KindCase.STRING_VALUE);
      assertThat(json.print(parsed))
          .isEqualTo("{\"names\":[\"a\",\"b\"],\"customers\":[{\"id\":\"c\"}],\"values\":[1,null,\"x\"]}");
    }
  }

  @Nested
  class UnwrappedMaps {
    @Test
    void printsEntriesBesideTheProperties() {
      Labels labels = Labels.newBuilder().setName("n").putAdditionalProperties("team", "core").build();
      assertThat(json.print(labels)).isEqualTo("{\"name\":\"n\",\"team\":\"core\"}");
    }

    @Test
    void parsesUndeclaredPropertiesIntoTheMap() {
      assertThat(parse("{\"team\":\"core\",\"name\":\"n\",\"tier\":\"1\"}", Labels.newBuilder()))
          .isEqualTo(Labels.newBuilder().setName("n").putAdditionalProperties("team", "core")
              .putAdditionalProperties("tier", "1").build());
      Metrics metrics = (Metrics) parse("{\"name\":\"m\",\"p99\":12.5,\"tags\":[\"a\"]}", Metrics.newBuilder());
      assertThat(metrics.getAdditionalPropertiesOrThrow("p99").getNumberValue()).isEqualTo(12.5);
      assertThat(json.print(metrics)).isEqualTo("{\"name\":\"m\",\"p99\":12.5,\"tags\":[\"a\"]}");
      assertThat(unknown).isEmpty();
    }
  }

  @Nested
  class UnknownProperties {
    @Test
    void skipsAndCountsThem() {
      assertThat(parse("{\"extra\":{\"deep\":[1,2,{\"x\":1}]},\"displayName\":\"a\",\"more\":1}", Names.newBuilder()))
          .isEqualTo(Names.newBuilder().setDisplayName("a").build());
      assertThat(unknown).containsExactly("property /extra", "property /more");
    }

    @Test
    void neverPrintsUnknownFields() {
      Names names = Names.newBuilder().setDisplayName("a")
          .setUnknownFields(UnknownFieldSet.newBuilder()
              .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build())
          .build();
      assertThat(json.print(names)).isEqualTo("{\"displayName\":\"a\"}");
    }
  }

  @Nested
  class BytesMapKeysAndDepth {
    private final Primitives primitives = Primitives.newBuilder()
        .setData(ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff}))
        .putByCode(404, "not found").putFlags(true, "y").putTotals(-1L, 5)
        .setRatio(Double.NaN).setWeight(1.5f).setCount(-1).setActive(true)
        .build();

    @Test
    void printsBase64AndKeysAsStrings() {
      assertThat(json.print(primitives)).isEqualTo("{\"data\":\"+/8=\",\"by_code\":{\"404\":\"not found\"},"
          + "\"flags\":{\"true\":\"y\"},\"totals\":{\"18446744073709551615\":5},\"ratio\":\"NaN\",\"weight\":1.5,"
          + "\"count\":4294967295,\"active\":true}");
    }

    @Test
    void parsesAnyBase64AndTypedKeys() {
      String urlSafe = json.print(primitives).replace("+/8=", "-_8");
      assertThat(parse(urlSafe, Primitives.newBuilder())).isEqualTo(primitives);
      assertThatThrownBy(() -> json.parse("{\"by_code\":{\"x\":\"y\"}}", Primitives.newBuilder()))
          .hasMessage("at /by_code/x: map key 'x' is not a int32");
    }

    @Test
    void handlesDeepNestingAndRefusesTooDeep() {
      String deep = "{\"child\":".repeat(150) + "{\"name\":\"leaf\"}" + "}".repeat(150);
      Node node = (Node) parse(deep, Node.newBuilder());
      assertThat(json.print(node)).isEqualTo(deep);
      String tooDeep = "{\"child\":".repeat(300) + "{}" + "}".repeat(300);
      assertThatThrownBy(() -> json.parse(tooDeep, Node.newBuilder()))
          .isInstanceOf(RestJsonException.class)
          .hasMessageContaining("nests deeper than 200 levels");
      String deepValue = "{\"anything\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
      assertThatThrownBy(() -> json.parse(deepValue, FreeForm.newBuilder())).isInstanceOf(RestJsonException.class);
    }

    @Test
    void reportsMalformedJsonWithItsPointer() {
      assertThatThrownBy(() -> json.parse("{\"children\":[{\"name\":}]}", Node.newBuilder()))
          .isInstanceOf(RestJsonException.class)
          .hasMessageStartingWith("at /children/0: malformed JSON:");
    }
  }
}
