package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
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
      Annotations.JACKSON_DATABIND + "JsonDeserialize");

  private final NamingStrategy naming;

  private JacksonNames(NamingStrategy naming) {
    this.naming = naming;
  }

  /** The naming of one class: its {@code @JsonNaming}, else the application's. */
  static JacksonNames of(TypeDeclaration<?> type, NamingStrategy applicationNaming, List<String> problems) {
    Optional<AnnotationExpr> jsonNaming = Annotations.find(type, Annotations.JACKSON_DATABIND + "JsonNaming");
    if (jsonNaming.isEmpty()) {
      return new JacksonNames(applicationNaming);
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
    return new JacksonNames(known.orElse(applicationNaming));
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

  static boolean ignored(List<? extends NodeWithAnnotations<?>> declarations) {
    return declarations.stream().anyMatch(declaration -> Annotations.find(declaration, Annotations.JACKSON + "JsonIgnore")
        .map(annotation -> Annotations.member(annotation, "value").map(value -> !value.toString().equals("false")).orElse(true))
        .orElse(false));
  }

  static List<String> unfollowed(List<? extends NodeWithAnnotations<?>> declarations) {
    List<String> problems = new ArrayList<>();
    for (NodeWithAnnotations<?> declaration : declarations) {
      for (String annotation : UNFOLLOWED) {
        if (Annotations.has(declaration, annotation)) {
          problems.add("its @" + annotation.substring(annotation.lastIndexOf('.') + 1)
              + " changes its JSON in a way the typed mapper does not follow");
        }
      }
    }
    return problems.stream().distinct().toList();
  }
}
