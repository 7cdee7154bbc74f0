package io.rest2grpc.openapi.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Value;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.check.Check;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newer spec that only makes locked fields' REST types more precise (the pair in
 * src/test/resources/evolution/refinements) converts with the lock: each field keeps its locked
 * proto type, its options carry the format or allowed values, and the report lists it; {@code
 * --adopt-refinements} adopts the new types under new names and numbers; a REST break still stops
 * the conversion, one error per field at its place.
 */
class RefinementLockTest {
  private static final Path PAIR = Path.of("src", "test", "resources", "evolution", "refinements");

  @TempDir Path dir;

  private ConversionOptions options() {
    return ConversionOptions.defaults().withLock(dir.resolve("kennel.lock.json"), false);
  }

  @BeforeEach
  void convertV1() {
    OpenApiToProto.write(OpenApiToProto.convert(PAIR.resolve("v1.yaml"), options()), dir.resolve("v1"));
  }

  private static String v2() {
    try {
      return Files.readString(PAIR.resolve("v2.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void refinementsKeepTheLockedTypesWithTheirFormatAndValuesInTheOptions() {
    Lock.MessageLock petBefore = LockFile.read(dir.resolve("kennel.lock.json")).orElseThrow().messages().get("Pet");
    Conversion v2 = OpenApiToProto.convert(PAIR.resolve("v2.yaml"), options());

    String pet = Specs.protoText(v2, "models.proto");
    assertThat(pet).contains("google.protobuf.Struct attributes = 2;", "string born = 3", "string status = 4",
        "repeated google.protobuf.Value tags = 5", "int64 weight = 6;", "int64 age = 7", "google.protobuf.Value extra = 8;")
        .doesNotContain("google/protobuf/timestamp.proto");
    assertThat(v2.report().findings()).filteredOn(f -> f.category() == Category.REFINEMENT_HELD_BACK)
        .extracting(f -> f.element() + ": " + f.message()).hasSize(6)
        .anySatisfy(m -> assertThat(m).startsWith("kennel.v1.Pet.born: born = 3 stays string where the spec now gives "
            + "google.protobuf.Timestamp (REST string -> string (date-time)); adopt it with convert --adopt-refinements"))
        .anySatisfy(m -> assertThat(m).contains("tags = 5 stays repeated google.protobuf.Value where the spec now gives repeated string "
            + "(REST array of any -> array of string)"));
    Descriptor compiled = Specs.assertCompilesAndLints(v2, dir).get("kennel/v1/models.proto").findMessageTypeByName("Pet");
    assertThat(option(compiled, "born").getFormat()).isEqualTo(Format.FORMAT_DATE_TIME);
    assertThat(option(compiled, "status").getAllowedValuesList()).extracting(Value::getStringValue).containsExactly("available", "adopted");
    assertThat(option(compiled, "age").getFormatName()).isEqualTo("int32");
    assertThat(LockFile.read(dir.resolve("kennel.lock.json")).orElseThrow().messages().get("Pet")).as("the lock keeps the locked types")
        .isEqualTo(petBefore);
  }

  private static RestField option(Descriptor message, String field) {
    return message.findFieldByName(field).getOptions().getExtension(OptionsProto.field);
  }

  @Test
  void checkFindsNothingBreakingInARefinementOnEitherSide() {
    Check.Result check = Check.run(PAIR.resolve("v1.yaml"), PAIR.resolve("v2.yaml"), options());
    assertThat(check.breaking()).isFalse();
    assertThat(check.proto()).extracting(e -> e.change().kind() + " " + e.change().element()).containsExactlyInAnyOrder(
        "FIELD_OPTION_REFINED kennel.v1.Pet.born", "FIELD_OPTION_REFINED kennel.v1.Pet.status", "FIELD_OPTION_REFINED kennel.v1.Pet.age");
    assertThat(check.proto()).allSatisfy(e -> assertThat(e.causes()).isNotEmpty());
  }

  @Test
  void adoptingRefinementsGivesTheNewTypesNewNamesAndNumbers() {
    Conversion adopted = OpenApiToProto.convert(PAIR.resolve("v2.yaml"), options().withRefinementsAdopted());
    String pet = Specs.protoText(adopted, "models.proto");
    assertThat(pet).contains("PetAttributes attributes_v2 = 9 [json_name = \"attributes\"];",
        "google.protobuf.Timestamp born_v2 = 10 [json_name = \"born\"];", "PetStatus status_v2 = 11 [json_name = \"status\"];",
        "repeated string tags_v2 = 12 [json_name = \"tags\"];", "int32 age_v2 = 13 [json_name = \"age\"];",
        "PetExtra extra_v2 = 14 [json_name = \"extra\"];", "int64 weight = 6;");
    assertThat(adopted.files().stream().flatMap(f -> f.messages().stream()).filter(m -> m.name().equals("Pet")).findFirst().orElseThrow()
        .reserved()).isEqualTo(new Reserved(List.of(2, 3, 4, 5, 7, 8), List.of("attributes", "born", "status", "tags", "age", "extra")));
    assertThat(adopted.report().findings()).filteredOn(f -> f.category() == Category.REFINEMENT_ADOPTED).hasSize(6);
    Specs.assertCompilesAndLints(adopted, dir);
  }

  @Test
  void aRestBreakStillStopsTheConversionWithOneErrorPerFieldAtItsPlace() {
    String broken = v2().replace("type: string\n          format: date-time", "type: integer")
        .replace("items: {type: string}", "items: {type: string}\n        mood: {type: string}")
        .replace("          description: any value in v1, an object in v2\n", "          description: any value in v1, an object in v2\n          nullable: true\n")
        .replace("        id: {type: string}", "        id: {type: array, items: {type: string}}");
    assertThatThrownBy(() -> Specs.convert(dir, broken, options())).isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).problems()).extracting(p -> p.location().pointer() + ": " + p.message())
            .containsExactlyInAnyOrder(
                "/components/schemas/Pet/properties/id: incompatible change to locked field: Pet.id (REST \"id\", number 1): "
                    + "string -> repeated string, a REST break (string -> array of string)",
                "/components/schemas/Pet/properties/born: incompatible change to locked field: Pet.born (REST \"born\", number 3): "
                    + "string -> int64, a REST break (string -> integer)"))
        .satisfies(e -> assertThat(((ConversionException) e).problems()).allSatisfy(p -> assertThat(p.hint()).contains("--allow-breaking")));
  }
}
