package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.nodeTypes.NodeWithType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JSON name Jackson gives a property, and the Jackson annotations a typed mapper cannot follow. */
final class JacksonNames {

  /** Annotations that change a property's JSON beyond its name: the JSON would no longer match the proto's. */
  private static final List<String> UNFOLLOWED = List.of(
      Annotations.JACKSON + "JsonFormat", Annotations.JACKSON + "JsonUnwrapped", Annotations.JACKSON + "JsonRawValue",
      Annotations.JACKSON + "JsonAnyGetter", Annotations.JACKSON + "JsonAnySetter", Annotations.JACKSON + "JsonValue",
      Annotations.JACKSON + "JsonIdentityInfo", Annotations.JACKSON + "JsonManagedReference",
      Annotations.JACKSON + "JsonBackReference", Annotations.JACKSON_DATABIND + "JsonSerialize",
      Annotations.JACKSON_DATABIND + "JsonDeserialize", Annotations.JACKSON_3_DATABIND + "JsonSerialize",
      Annotations.JACKSON_3_DATABIND + "JsonDeserialize");

  private final NamingStrategy naming;
  private final JacksonDefaults jackson;

  private JacksonNames(NamingStrategy naming, JacksonDefaults jackson) {
    this.naming = naming;
    this.jackson = jackson;
  }

  /** The naming of one class: its {@code @JsonNaming}, else the application's. */
  static JacksonNames of(TypeDeclaration<?> type, NamingStrategy applicationNaming, JacksonDefaults jackson, List<String> problems) {
    Optional<AnnotationExpr> jsonNaming = Annotations.findDatabind(type, "JsonNaming");
    if (jsonNaming.isEmpty()) {
      return new JacksonNames(applicationNaming, jackson);
    }
    String strategy = Annotations.member(jsonNaming.get(), "value")
        .filter(ClassExpr.class::isInstance)
        .map(expression -> ((ClassExpr) expression).getType().asString())
        .orElse("");
    Optional<NamingStrategy> known = NamingStrategy.fromProperty(strategy);
    if (known.isEmpty()) {
      problems.add("@JsonNaming(" + strategy + ") is not one of " + List.of(NamingStrategy.values())
          + "; rename the properties with @JsonProperty instead, or route it through the bridge");
    }
    return new JacksonNames(known.orElse(applicationNaming), jackson);
  }

  /** {@code @JsonProperty("x")} on any of the property's declarations, else the naming strategy's name. */
  String jsonName(String javaName, List<? extends NodeWithAnnotations<?>> declarations) {
    for (NodeWithAnnotations<?> declaration : declarations) {
      Optional<String> explicit = Annotations.find(declaration, Annotations.JACKSON + "JsonProperty")
          .flatMap(annotation -> Annotations.string(annotation, "value"))
          .filter(name -> !name.isEmpty());
      if (explicit.isPresent()) {
        return explicit.get();
      }
    }
    return naming.apply(javaName);
  }

  /**
   * The JSON name of a field Jackson reads and writes through its getter and setter ({@code getXCoord()} for
   * {@code xCoord}): Jackson 3 keeps the field's name; Jackson 2 takes the getter's, its leading capitals lower-cased
   * ({@code xcoord}, {@code URL} → {@code url}).
   */
  String accessorJsonName(String fieldName, List<? extends NodeWithAnnotations<?>> declarations) {
    return jsonName(jackson.fieldNamesKeepCase() ? fieldName : legacyGetterName(fieldName), declarations);
  }

  private static String legacyGetterName(String fieldName) {
    StringBuilder name = new StringBuilder(fieldName.length());
    int i = 0;
    String suffix = Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
    while (i < suffix.length() && Character.isUpperCase(suffix.charAt(i))) {
      name.append(Character.toLowerCase(suffix.charAt(i++)));
    }
    return name.append(suffix.substring(i)).toString();
  }

  static boolean ignored(List<? extends NodeWithAnnotations<?>> declarations) {
    return declarations.stream().anyMatch(declaration -> Annotations.find(declaration, Annotations.JACKSON + "JsonIgnore")
        .map(annotation -> Annotations.member(annotation, "value").map(value -> !value.toString().equals("false")).orElse(true))
        .orElse(false));
  }

  static List<String> unfollowed(List<? extends NodeWithAnnotations<?>> declarations) {
    List<String> problems = new ArrayList<>();
    for (NodeWithAnnotations<?> declaration : declarations) {
      for (String annotation : UNFOLLOWED) {
        if (Annotations.has(declaration, annotation) && !decimalAsString(declaration)) {
          problems.add("its @" + annotation.substring(annotation.lastIndexOf('.') + 1)
              + " changes its JSON in a way the typed mapper does not follow");
        }
      }
    }
    return problems.stream().distinct().toList();
  }

  /**
   * {@code @JsonFormat(shape = STRING)} alone on a {@code BigDecimal}/{@code BigInteger}: Jackson then
   * writes its {@code toString()} as a JSON string, which is what the mapper puts in a string field
   * (and a number field is refused by the planner's value types).
   */
  private static boolean decimalAsString(NodeWithAnnotations<?> declaration) {
    Optional<AnnotationExpr> format = Annotations.find(declaration, Annotations.JACKSON + "JsonFormat");
    if (format.isEmpty() || !(format.get() instanceof NormalAnnotationExpr normal) || normal.getPairs().size() != 1
        || !Annotations.constant(normal, "shape").map("STRING"::equals).orElse(false)) {
      return false;
    }
    String type = declaration instanceof NodeWithType<?, ?> typed ? typed.getTypeAsString()
        : declaration instanceof FieldDeclaration field ? field.getElementType().asString() : "";
    return type.equals("BigDecimal") || type.equals("BigInteger") || type.equals("java.math.BigDecimal")
        || type.equals("java.math.BigInteger");
  }
}
