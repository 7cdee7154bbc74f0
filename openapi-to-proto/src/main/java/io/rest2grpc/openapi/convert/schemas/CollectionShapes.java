package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.Set;

/**
 * The shape of an array ({@code repeated}) or a map ({@code map<string, T>}): its element's shape,
 * named after the singular of the context ({@code OrderLines} → {@code OrderLine}, else
 * {@code …Item}) or {@code …Value} for map values; an element that is itself a collection is carried
 * by a wrapper message, and a collection that contains itself by {@code google.protobuf.Value}.
 */
final class CollectionShapes {
  /** The shape of an element schema written at {@code location}; {@code context} names inline types. */
  @FunctionalInterface
  interface ElementShapes {
    Shape shape(Schema<?> schema, SourceLocation location, String context);
  }

  private final ElementShapes elements;
  private final Wrappers wrappers;
  private final Findings report;
  private final String pkg;
  private final Set<String> inProgress = new HashSet<>();

  CollectionShapes(ElementShapes elements, Wrappers wrappers, Findings report, String pkg) {
    this.elements = elements;
    this.wrappers = wrappers;
    this.report = report;
    this.pkg = pkg;
  }

  /** The shape of the array ({@code REPEATED}) or map ({@code MAP}) schema {@code n}. */
  Shape of(Normalized n, String context, FieldOptions facts, Cardinality cardinality) {
    String key = n.location().toString();
    if (!inProgress.add(key)) {
      // an array or map that contains itself (Tree: {type: array, items: {$ref: Tree}}) has no proto
      // type of its own; google.protobuf.Value carries any nesting of JSON arrays and objects
      report.info(Category.MIXED_TYPES, n.location(), "", "recursive " + (cardinality == Cardinality.MAP ? "map" : "array")
          + " carried as google.protobuf.Value");
      return new Shape(SchemaKind.ANY, TypeRef.VALUE, Cardinality.SINGULAR, false, facts);
    }
    try {
      return elements(n, context, facts, cardinality);
    } finally {
      inProgress.remove(key);
    }
  }

  private Shape elements(Normalized n, String context, FieldOptions facts, Cardinality cardinality) {
    Schema<?> element;
    SourceLocation elementLocation;
    String elementContext;
    if (cardinality == Cardinality.REPEATED) {
      element = n.schema().getItems() == null ? new Schema<>() : n.schema().getItems();
      elementLocation = n.location().child("items");
      String singular = Names.singular(context);
      elementContext = singular.equals(context) ? context + "Item" : singular;
    } else {
      Object ap = Schemas.additionalProperties(n.schema());
      element = ap instanceof Schema<?> s ? s : new Schema<>();
      elementLocation = n.location().child("additionalProperties");
      elementContext = context + "Value";
    }
    Shape inner = elements.shape(element, elementLocation, elementContext);
    if (n.nullable()) {
      report.info(Category.NULLABLE_COLLECTION, n.location(), "", "nullable " + (cardinality == Cardinality.MAP ? "map" : "array")
          + ": null and empty are told apart by the 'nullable' fact, not on the proto wire");
    }
    if (inner.options().nullable()) {
      facts = facts.withNullElements();
    }
    TypeRef type = inner.type();
    if (inner.cardinality() != Cardinality.SINGULAR) {
      type = wrappers.of(inner, elementLocation);
      report.info(Category.NESTED_COLLECTION_WRAPPED, elementLocation, pkg + "." + type.name(),
          "nested collection carried by wrapper message " + type.name());
    }
    return new Shape(cardinality == Cardinality.MAP ? SchemaKind.MAP : SchemaKind.ARRAY, type, cardinality, false, facts);
  }
}
