package io.rest2grpc.maven.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.mappers.dto.DtoShape;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoClass;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoEnum;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.DtoShape.EnumConstant;
import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same DTO source read for each row of the support matrix gives the JSON names and enum values that row's Jackson
 * writes, checked against Jackson 2 and Jackson 3 themselves: an enum's overridden toString() (Jackson 3 writes it) and
 * a property whose getter starts with two capitals (Jackson 2 lower-cases them).
 */
class JacksonRowsTest {

  private static final Map<String, String> SOURCES = Map.of(
      "Size.java", """
          package fixture.rows;

          public enum Size {
            SMALL("s"), LARGE("l");

            private final String code;

            Size(String code) {
              this.code = code;
            }

            @Override
            public String toString() {
              return code;
            }
          }
          """,
      "Mood.java", """
          package fixture.rows;

          public enum Mood {
            HAPPY, SAD;

            @Override
            public String toString() {
              return name().toLowerCase();
            }
          }
          """,
      "Point.java", """
          package fixture.rows;

          public class Point {
            private int xCoord;
            private String label;

            public int getXCoord() {
              return xCoord;
            }

            public void setXCoord(int xCoord) {
              this.xCoord = xCoord;
            }

            public String getLabel() {
              return label;
            }

            public void setLabel(String label) {
              this.label = label;
            }
          }
          """);

  @TempDir
  static Path work;

  private static ClassLoader classes;

  @BeforeAll
  static void compile() throws Exception {
    Path sources = Files.createDirectories(work.resolve("src/fixture/rows"));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Files.writeString(sources.resolve(source.getKey()), source.getValue());
    }
    classes = JavaCompilation.compile(List.of(work.resolve("src")), work.resolve("classes"));
  }

  @Test
  void jackson3WritesAnEnumsToStringAndJackson2ItsName() throws Exception {
    Object small = Enum.valueOf(enumClass("fixture.rows.Size"), "SMALL");

    assertThat(wireValues("fixture.rows.Size", JacksonDefaults.JACKSON_2)).containsExactly("SMALL", "LARGE");
    assertThat(jackson2(small)).isEqualTo("\"SMALL\"");
    assertThat(wireValues("fixture.rows.Size", JacksonDefaults.JACKSON_3)).containsExactly("s", "l");
    assertThat(jackson3(small)).isEqualTo("\"s\"");
  }

  @Test
  void aToStringTheReaderCannotEvaluateIsAProblemOnJackson3Only() throws Exception {
    DtoEnum jackson2 = (DtoEnum) shape("fixture.rows.Mood", JacksonDefaults.JACKSON_2);
    DtoEnum jackson3 = (DtoEnum) shape("fixture.rows.Mood", JacksonDefaults.JACKSON_3);

    assertThat(jackson2.problems()).isEmpty();
    assertThat(jackson3.problems()).containsExactly("its toString(), which the app's Jackson writes (WRITE_ENUMS_USING_TO_STRING, on "
        + "in Jackson 3), does not just return a field; return a field set from each constant's literal argument, or annotate such a "
        + "getter with @JsonValue");
    assertThat(jackson3(Enum.valueOf(enumClass("fixture.rows.Mood"), "HAPPY"))).isEqualTo("\"happy\"");
  }

  @Test
  void jackson2LowerCasesAGettersLeadingCapitalsAndJackson3KeepsTheFieldsName() throws Exception {
    Object point = classes.loadClass("fixture.rows.Point").getConstructor().newInstance();

    assertThat(jsonNames("fixture.rows.Point", JacksonDefaults.JACKSON_2)).containsExactly("xcoord", "label");
    assertThat(jackson2(point)).isEqualTo("{\"label\":null,\"xcoord\":0}");
    assertThat(jsonNames("fixture.rows.Point", JacksonDefaults.JACKSON_3)).containsExactly("xCoord", "label");
    assertThat(jackson3(point)).isEqualTo("{\"label\":null,\"xCoord\":0}");
  }

  private static List<String> wireValues(String type, JacksonDefaults jackson) {
    return ((DtoEnum) shape(type, jackson)).constants().stream().map(EnumConstant::wireValue).toList();
  }

  private static List<String> jsonNames(String type, JacksonDefaults jackson) {
    return ((DtoClass) shape(type, jackson)).properties().stream().map(DtoProperty::jsonName).toList();
  }

  private static DtoShape shape(String type, JacksonDefaults jackson) {
    try (JavaTypeModel types = JavaTypeModel.open(List.of(work.resolve("src")), SampleApp.classpath())) {
      return types.shape((JavaType.Declared) types.type(type), NamingStrategy.LOWER_CAMEL_CASE, jackson);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Enum> enumClass(String name) throws ClassNotFoundException {
    return (Class<Enum>) classes.loadClass(name);
  }

  private static String jackson2(Object value) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true).writeValueAsString(value);
  }

  private static String jackson3(Object value) {
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
  }
}
