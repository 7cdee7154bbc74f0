package io.rest2grpc.transcoding.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.test.v1.EqArrayOfLine;
import io.rest2grpc.test.v1.EqDefaults;
import io.rest2grpc.test.v1.EqEnums;
import io.rest2grpc.test.v1.EqMatrix;
import io.rest2grpc.test.v1.EqNamed;
import io.rest2grpc.test.v1.EqNumbers;
import io.rest2grpc.test.v1.EqOpenObject;
import io.rest2grpc.test.v1.EqOrder;
import io.rest2grpc.test.v1.EqTimes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestJsonEquivalenceTest {

  @Nested
  @DisplayName("rule 1: objects are unordered maps, arrays are ordered")
  class Structure {
    @Test
    void memberOrderIsIrrelevant() {
      assertEquivalent("""
          {"a": 1, "b": {"x": [1, 2], "y": null}}""", """
          {"b": {"y": null, "x": [1, 2]}, "a": 1}""");
    }

    @Test
    void elementOrderMatters() {
      assertThat(differences("[1, 2]", "[2, 1]")).isEqualTo("""
          /0: expected 1, got 2 (different number)
          /1: expected 2, got 1 (different number)""");
    }

    @Test
    void aPropertyOrElementOnOneSideOnlyDiffers() {
      assertThat(differences("""
          {"a": [1, 2], "gone": true}""", """
          {"a": [1], "new": "x"}""")).isEqualTo("""
          /a/1: expected 2, got (absent) (missing element)
          /gone: expected true, got (absent) (missing property)
          /new: expected (absent), got "x" (unexpected property)""");
    }

    @Test
    void pointersEscapeSlashAndTilde() {
      assertThat(differences("""
          {"a/b": {"c~d": 1}}""", """
          {"a/b": {"c~d": 2}}""")).isEqualTo("/a~1b/c~0d: expected 1, got 2 (different number)");
    }
  }

  @Nested
  @DisplayName("rule 2: numbers by value; numeric strings only for 64-bit integer fields")
  class Numbers {
    @Test
    void numbersCompareByValue() {
      assertEquivalent("[1, 0.5, 100]", "[1.0, 5e-1, 1E2]");
      assertThat(differences("[9007199254740993]", "[9007199254740992]"))
          .isEqualTo("/0: expected 9007199254740993, got 9007199254740992 (different number)");
    }

    @Test
    void sixtyFourBitIntegersEqualTheirNumericString() {
      assertEquivalent(EqNumbers.getDescriptor(), """
          {"id": 9007199254740993, "big": 18446744073709551615, "fixed": 7, "signed": -7, "signedFixed": -8,
           "boxedId": 12, "ratio": 0.5}""", """
          {"id": "9007199254740993", "big": "18446744073709551615", "fixed": "7", "signed": "-7",
           "signedFixed": "-8", "boxedId": "12", "ratio": 5e-1}""");
    }

    @Test
    void otherFieldsDoNotAcceptNumericStrings() {
      assertThat(differences(EqNumbers.getDescriptor(), """
          {"count": 5, "code": "5", "id": 9007199254740993}""", """
          {"count": "5", "code": 5, "id": "9007199254740992"}""")).isEqualTo("""
          /count: expected 5, got "5" (string instead of number)
          /code: expected "5", got 5 (number instead of string)
          /id: expected 9007199254740993, got "9007199254740992" (different number)""");
    }

    @Test
    void schemalessNumbersNeverEqualStrings() {
      assertThat(differences("""
          {"id": 123}""", """
          {"id": "123"}""")).isEqualTo("/id: expected 123, got \"123\" (string instead of number)");
    }
  }

  @Nested
  @DisplayName("rule 3: absent, null and default per field and emission")
  class AbsentNullDefault {
    private final Descriptor defaults = EqDefaults.getDescriptor();

    @Test
    void absentEqualsNullAndTheProtoDefault() {
      String everyDefault = """
          {"count": 0, "name": "", "active": false, "tags": [], "scores": {}, "status": "EQ_ORDER_STATUS_UNSPECIFIED",
           "limit": null, "note": null, "line": null, "labels": null}""";
      assertEquivalent(defaults, "{}", everyDefault);
      assertEquivalent(defaults, "{}", """
          {"count": null, "name": null, "active": null, "tags": null, "scores": null, "status": 0}""");
    }

    @Test
    void absentEqualsTheRestDefaultValue() {
      assertEquivalent(defaults, "{}", """
          {"limit": 20}""");
    }

    @Test
    void presentValuesCompareByValueEvenWhenBothAreDefaults() {
      assertThat(differences(defaults, """
          {"limit": 0}""", """
          {"limit": 20}""")).isEqualTo("/limit: expected 0, got 20 (different number)");
    }

    @Test
    void absentDiffersFromAnyOtherValue() {
      assertThat(differences(defaults, """
          {"count": 3, "line": {}}""", """
          {"tags": ["a"]}""")).isEqualTo("""
          /count: expected 3, got (absent) (missing property)
          /line: expected {}, got (absent) (missing property)
          /tags: expected (absent), got ["a"] (unexpected property)""");
    }

    @Test
    void nullEqualsTheDefaultUnlessTheFieldIsNullable() {
      assertEquivalent(defaults, """
          {"count": null, "tags": null}""", """
          {"count": 0, "tags": []}""");
      assertThat(differences(defaults, """
          {"note": null, "labels": null}""", """
          {"note": "", "labels": []}""")).isEqualTo("""
          /note: expected null, got "" (string instead of null)
          /labels: expected null, got [] (array instead of null)""");
    }

    @Test
    void emissionAlwaysOnTheFieldMakesAbsenceADifference() {
      assertThat(differences(defaults, "{}", """
          {"always": 0}""")).isEqualTo("/always: expected (absent), got 0 (unexpected property; emission is ALWAYS)");
      assertThat(differences(defaults, """
          {"always": null}""", "{}")).isEqualTo("/always: expected null, got (absent) (missing property; emission is ALWAYS)");
    }

    @Test
    void emissionAlwaysIsInheritedFromTheFile() throws DescriptorValidationException {
      Descriptor always = withFileEmission(EqDefaults.getDescriptor(), Emission.EMISSION_ALWAYS);

      assertThat(differences(always, "{}", """
          {"count": 0}""")).isEqualTo("/count: expected (absent), got 0 (unexpected property; emission is ALWAYS)");
      assertEquivalent(always, """
          {"count": null}""", """
          {"count": 0}""");
    }
  }

  @Nested
  @DisplayName("rule 4: unknown properties are ignored and counted; unwrapped maps are compared")
  class UnknownProperties {
    @Test
    void aFieldAnswersToItsRestNameJsonNameAndProtoName() {
      assertEquivalent(EqNamed.getDescriptor(), """
          {"displayName": "Ada", "total_cents": 5, "@type": "person"}""", """
          {"display_name": "Ada", "total_cents": "5", "kind": "person"}""");
    }

    @Test
    void unknownPropertiesAreIgnoredAndCountedOncePerPath() {
      Comparison comparison = RestJsonEquivalence.compare(EqOrder.getDescriptor(), """
          {"etag": "1", "mainLine": {"sku": "a", "color": "red"}, "debug": {"x": 1}}""", """
          {"etag": "2", "mainLine": {"sku": "a"}, "requestId": "r"}""");

      assertThat(comparison.equal()).isTrue();
      assertThat(comparison.ignoredUnknownProperties()).isEqualTo(4);
      assertThat(comparison.describe()).isEqualTo("equal\n(4 unknown properties ignored)");
    }

    @Test
    void schemalessComparisonKnowsNoUnknownProperties() {
      assertThat(differences("""
          {"etag": "1"}""", """
          {"etag": "2"}""")).isEqualTo("/etag: expected \"1\", got \"2\" (different string)");
    }

    @Test
    void unwrappedMapEntriesAreComparedAsExtraProperties() {
      assertEquivalent(EqOpenObject.getDescriptor(), """
          {"name": "n", "color": 1, "size": 2}""", """
          {"size": "2", "name": "n", "color": 1}""");

      Comparison comparison = RestJsonEquivalence.compare(EqOpenObject.getDescriptor(), """
          {"name": "n", "color": 1}""", """
          {"name": "n", "color": 2, "weight": 3}""");
      assertThat(comparison.describe()).isEqualTo("""
          /color: expected 1, got 2 (different number)
          /weight: expected (absent), got 3 (unexpected property)""");
      assertThat(comparison.ignoredUnknownProperties()).isZero();
    }
  }

  @Nested
  @DisplayName("rule 5: enums by wire value, proto name or number")
  class Enums {
    private final Descriptor enums = EqEnums.getDescriptor();

    @Test
    void wireValueProtoNameAndNumberAreTheSameValue() {
      assertEquivalent(enums, """
          {"status": "in-progress", "history": ["pending", "in-progress"]}""", """
          {"status": "EQ_ORDER_STATUS_IN_PROGRESS", "history": ["EQ_ORDER_STATUS_PENDING", 2]}""");
      assertThat(differences(enums, """
          {"status": "in-progress"}""", """
          {"status": "EQ_ORDER_STATUS_PENDING"}"""))
          .isEqualTo("/status: expected \"in-progress\", got \"EQ_ORDER_STATUS_PENDING\" (different enum value)");
    }

    @Test
    void integerWireValuesAreNumbersNotProtoNumbers() {
      assertEquivalent(enums, """
          {"level": 0}""", """
          {"level": "EQ_LEVEL_VALUE_0"}""");
      assertThat(differences(enums, """
          {"level": 1}""", """
          {"level": "EQ_LEVEL_VALUE_0"}""")).isEqualTo("/level: expected 1, got \"EQ_LEVEL_VALUE_0\" (different enum value)");
      // wire value 0 is a real value, not the enum's zero, so it is not a default either
      assertThat(differences(enums, "{}", """
          {"level": 0}""")).isEqualTo("/level: expected (absent), got 0 (unexpected property)");
    }

    @Test
    void anUnknownValueEqualsOnlyItself() {
      assertEquivalent(enums, """
          {"status": "cancelled"}""", """
          {"status": "cancelled"}""");
      assertThat(differences(enums, """
          {"status": "cancelled"}""", """
          {"status": "pending"}""")).isEqualTo("/status: expected \"cancelled\", got \"pending\" (different string)");
    }
  }

  @Nested
  @DisplayName("rule 6: date-time, date, time and duration formats")
  class Formats {
    private final Descriptor times = EqTimes.getDescriptor();

    @Test
    void dateTimesAndTimestampsCompareAsInstants() {
      assertEquivalent(times, """
          {"createdAt": "2024-05-01T10:00:00+02:00", "seenAt": "2024-05-01T08:00:00.500Z",
           "updatedAt": "2024-05-01T08:00:00Z", "history": ["2024-05-01T08:00:00-01:00"]}""", """
          {"createdAt": "2024-05-01T08:00:00Z", "seenAt": "2024-05-01T08:00:00.500000000Z",
           "updatedAt": "2024-05-01T08:00:00.000Z", "history": ["2024-05-01T09:00:00Z"]}""");
      assertThat(differences(times, """
          {"createdAt": "2024-05-01T10:00:00+02:00"}""", """
          {"createdAt": "2024-05-01T10:00:00Z"}"""))
          .isEqualTo("/createdAt: expected \"2024-05-01T10:00:00+02:00\", got \"2024-05-01T10:00:00Z\" (different instant)");
    }

    @Test
    void aValueThatIsNotADateTimeEqualsOnlyItself() {
      assertEquivalent(times, """
          {"updatedAt": "yesterday"}""", """
          {"updatedAt": "yesterday"}""");
      assertThat(differences(times, """
          {"updatedAt": "yesterday"}""", """
          {"updatedAt": "2024-05-01T08:00:00Z"}"""))
          .isEqualTo("/updatedAt: expected \"yesterday\", got \"2024-05-01T08:00:00Z\" (different string)");
    }

    @Test
    void datesAndTimesCompareTrimmed() {
      assertEquivalent(times, """
          {"birthday": " 2024-05-01", "opensAt": "13:45:00 "}""", """
          {"birthday": "2024-05-01", "opensAt": "13:45:00"}""");
      assertThat(differences(times, """
          {"label": " x"}""", """
          {"label": "x"}""")).isEqualTo("/label: expected \" x\", got \"x\" (different string)");
    }

    @Test
    void durationsCompareByLengthInEitherForm() {
      assertEquivalent(times, """
          {"timeout": "PT1.5S", "ttl": "PT1M"}""", """
          {"timeout": "1.5s", "ttl": "60.000s"}""");
      assertThat(differences(times, """
          {"timeout": "PT2S"}""", """
          {"timeout": "1.5s"}""")).isEqualTo("/timeout: expected \"PT2S\", got \"1.5s\" (different duration)");
    }
  }

  @Nested
  @DisplayName("rule 7: nested messages, maps, repeated fields, unions and free-form values")
  class Nesting {
    private final Descriptor order = EqOrder.getDescriptor();

    @Test
    void nestedFieldsUseTheirMessageType() {
      assertEquivalent(order, """
          {"lines": [{"sku": "a", "amountCents": 2500}], "bySku": {"a": {"sku": "a", "amountCents": 1}, "b": {}},
           "mainLine": {"sku": "a", "quantity": 0}}""", """
          {"mainLine": {"sku": "a"}, "bySku": {"b": {"quantity": 0}, "a": {"amount_cents": "1", "sku": "a"}},
           "lines": [{"amountCents": "2500", "sku": "a"}]}""");
      assertThat(differences(order, """
          {"bySku": {"a": {}}}""", """
          {"bySku": {"b": {}}}""")).isEqualTo("""
          /bySku/a: expected {}, got (absent) (missing property)
          /bySku/b: expected (absent), got {} (unexpected property)""");
    }

    @Test
    void aDiscriminatedUnionIsComparedFlatWithTheChosenVariantsFields() {
      assertEquivalent(order, """
          {"payment": {"currency": "EUR", "method": "card", "token": "t", "limitCents": 100}}""", """
          {"payment": {"limitCents": "100", "method": "card", "currency": "EUR", "token": "t"}}""");
      assertThat(differences(order, """
          {"payment": {"method": "bank_transfer", "iban": "DE00"}}""", """
          {"payment": {"method": "card", "iban": "DE01"}}""")).isEqualTo("""
          /payment/method: expected "bank_transfer", got "card" (different string)
          /payment/iban: expected "DE00", got "DE01" (different string)""");
    }

    @Test
    void anUndiscriminatedUnionIsTheBareVariantThatFitsBest() {
      assertEquivalent(order, """
          {"contact": "c-1"}""", """
          {"contact": "c-1"}""");
      assertEquivalent(order, """
          {"contact": {"id": "p", "age": 30}}""", """
          {"contact": {"age": "30", "id": "p"}}""");
      assertEquivalent(order, """
          {"contact": {"id": "c", "vat_number": "X"}}""", """
          {"contact": {"vat_number": "X", "id": "c"}}""");
      assertThat(differences(order, """
          {"contact": "c-1"}""", """
          {"contact": "c-2"}""")).isEqualTo("/contact: expected \"c-1\", got \"c-2\" (different string)");
      assertThat(differences(order, """
          {"contact": {"id": "p", "age": 30}}""", """
          {"contact": {"id": "p", "age": "31"}}""")).isEqualTo("/contact/age: expected 30, got \"31\" (different number)");
    }

    @Test
    void anUndiscriminatedUnionBesideOtherPropertiesIsComparedFlat() {
      assertEquivalent(order, """
          {"shape": {"name": "s", "radius": 2}}""", """
          {"shape": {"radius": "2", "name": "s"}}""");
      Comparison comparison = RestJsonEquivalence.compare(order, """
          {"shape": {"name": "s", "side": 2}}""", """
          {"shape": {"name": "s", "side": 3}}""");
      assertThat(comparison.describe()).isEqualTo("/shape/side: expected 2, got 3 (different number)");
    }

    @Test
    void structAndValueCompareSchemaless() {
      assertEquivalent(order, """
          {"metadata": {"a": [1, {"b": "2"}]}, "extra": 5}""", """
          {"metadata": {"a": [1.0, {"b": "2"}]}, "extra": 5.0}""");
      assertThat(differences(order, """
          {"metadata": {"a": 1}, "extra": "5"}""", """
          {"metadata": {"a": 1, "z": 0}, "extra": 5}""")).isEqualTo("""
          /metadata/z: expected (absent), got 0 (unexpected property)
          /extra: expected "5", got 5 (number instead of string)""");
    }
  }

  @Nested
  @DisplayName("rule 8: wrapper messages compare as the bare collection")
  class Wrappers {
    @Test
    void wrappersAreBareArraysAndObjects() {
      assertEquivalent(EqMatrix.getDescriptor(), """
          {"rows": [[{"sku": "a", "amountCents": 1}], []], "totals": {"x": {"a": 1, "b": 2}}}""", """
          {"rows": [[{"sku": "a", "amountCents": "1"}], []], "totals": {"x": {"b": "2", "a": "1"}}}""");
      assertThat(differences(EqArrayOfLine.getDescriptor(), """
          [{"sku": "a"}, {"sku": "b"}]""", """
          [{"sku": "a"}]""")).isEqualTo("/1: expected {\"sku\":\"b\"}, got (absent) (missing element)");
    }
  }

  @Nested
  @DisplayName("invalid documents and the readable diff")
  class Reporting {
    @Test
    void invalidJsonIsOneDifferenceAtTheRoot() {
      Comparison comparison = RestJsonEquivalence.compare(EqOrder.getDescriptor(), "{}", "{\"a\": }");

      assertThat(comparison.differences()).singleElement().satisfies(d -> {
        assertThat(d.pointer()).isEmpty();
        assertThat(d.reason()).startsWith("actual document is not valid JSON: Unexpected character ('}'")
            .endsWith("at line 1, column 7");
      });
    }

    @Test
    void aRepeatedPropertyIsInvalidJson() {
      assertThat(RestJsonEquivalence.compare("{\"a\": 1, \"a\": 2}", "{\"a\": 2}").describe())
          .startsWith("(root): expected {\"a\": 1, \"a\": 2}, got {\"a\": 2} (expected document is not valid JSON: Duplicate field 'a'");
      assertThat(RestJsonEquivalence.compare("{}", "").describe())
          .isEqualTo("(root): expected {}, got (empty) (actual document is not valid JSON: empty document)");
    }

    @Test
    void theDiffIsOneReadableLinePerDifference() {
      Comparison comparison = RestJsonEquivalence.compare(EqOrder.getDescriptor(), """
          {"lines": [{"sku": "a", "quantity": 2}], "mainLine": {"sku": "b"}, "metadata": {"note": "%s"}}"""
          .formatted("x".repeat(200)), """
          {"lines": [{"sku": "a", "quantity": "2"}], "mainLine": {"sku": "c"}, "metadata": {}, "trace": "t"}""");

      assertThat(comparison.describe()).isEqualTo("""
          /lines/0/quantity: expected 2, got "2" (string instead of number)
          /mainLine/sku: expected "b", got "c" (different string)
          /metadata/note: expected "%s…, got (absent) (missing property)
          (1 unknown property ignored)""".formatted("x".repeat(119)));
    }
  }

  private static Comparison compare(Descriptor type, String expected, String actual) {
    return type == null ? RestJsonEquivalence.compare(expected, actual) : RestJsonEquivalence.compare(type, expected, actual);
  }

  /** Equivalent in both directions: the rules are symmetric. */
  private static void assertEquivalent(Descriptor type, String expected, String actual) {
    Comparison forward = compare(type, expected, actual);
    Comparison backward = compare(type, actual, expected);
    assertThat(forward.differences()).as(forward.describe()).isEmpty();
    assertThat(backward.differences()).as(backward.describe()).isEmpty();
  }

  private static void assertEquivalent(String expected, String actual) {
    assertEquivalent(null, expected, actual);
  }

  private static String differences(Descriptor type, String expected, String actual) {
    Comparison comparison = compare(type, expected, actual);
    assertThat(comparison.equal()).as("expected differences").isFalse();
    return comparison.describe();
  }

  private static String differences(String expected, String actual) {
    return differences(null, expected, actual);
  }

  /** {@code type} rebuilt in a copy of its file whose RestFile.emission is {@code emission}. */
  private static Descriptor withFileEmission(Descriptor type, Emission emission) throws DescriptorValidationException {
    FileDescriptor original = type.getFile();
    FileDescriptorProto.Builder file = original.toProto().toBuilder();
    file.getOptionsBuilder().setExtension(OptionsProto.file, RestFile.newBuilder().setEmission(emission).build());
    FileDescriptor rebuilt = FileDescriptor.buildFrom(file.build(), original.getDependencies().toArray(FileDescriptor[]::new));
    return rebuilt.findMessageTypeByName(type.getName());
  }
}
