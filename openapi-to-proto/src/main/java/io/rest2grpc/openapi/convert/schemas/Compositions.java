package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a message schema's composition: allOf members first, in order (a member's own
 * allOf before its properties), then the schema's own properties. A property declared again keeps
 * its first position and takes the later schema ({@code ALLOF_OVERRIDE}). oneOf/anyOf of inline
 * members become oneofs; those of referenced members (a base that lists its subtypes) do not; an
 * anyOf of plain objects adds the fields of all of them, none required, unless a property with a
 * const of its own in each tells them apart ({@link ConstDiscriminator}: then it is a oneof); a
 * property they declare differently is an {@code ANYOF_MERGE_LOSSY} row.
 */
final class Compositions {
  private final RefResolver refs;
  private final SchemaNormalizer normalizer;
  private final SchemaClassifier classifier;
  private final Findings report;
  private final ConstDiscriminator constants;

  Compositions(RefResolver refs, SchemaNormalizer normalizer, SchemaClassifier classifier, Findings report) {
    this.refs = refs;
    this.normalizer = normalizer;
    this.classifier = classifier;
    this.report = report;
    this.constants = new ConstDiscriminator(refs, normalizer);
  }

  /**
   * What a composition gathers: properties by REST name in field order, the required ones, the
   * schemas whose oneOf/anyOf become oneofs, and the last {@code additionalProperties} (null when none).
   */
  record Members(Map<String, Located<Schema>> properties, Set<String> required, List<Located<Schema>> unions,
      Located<Object> additional) {
    static final Members NONE = new Members(Map.of(), Set.of(), List.of(), null);
  }

  /** The members of the schema {@code s} written at {@code at}. */
  Members of(Schema<?> s, SourceLocation at) {
    Gathered into = new Gathered();
    collect(s, at, into, new ArrayDeque<>(), true, true);
    return new Members(Collections.unmodifiableMap(into.properties), Collections.unmodifiableSet(into.required),
        Collections.unmodifiableList(into.unions), into.additional);
  }

  private static final class Gathered {
    final Map<String, Located<Schema>> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    final List<Located<Schema>> unions = new ArrayList<>();
    Located<Object> additional;
  }

  private void collect(Schema<?> s, SourceLocation at, Gathered into, Deque<String> visiting, boolean includeUnions,
      boolean withRequired) {
    String key = at.toString();
    if (visiting.contains(key)) {
      List<String> cycle = new ArrayList<>(visiting);
      Collections.reverse(cycle);
      cycle.add(key);
      throw new ConversionException(at, "circular allOf: " + String.join(" -> ", cycle),
          "a schema cannot include itself through allOf; reference it from a property instead");
    }
    visiting.push(key);
    List<Schema<?>> members = Schemas.allOf(s);
    for (int i = 0; i < members.size(); i++) {
      Schema<?> member = members.get(i);
      SourceLocation memberAt = at.child("allOf").child(i);
      if (member.get$ref() != null) {
        Located<Schema> target = refs.schema(member, memberAt);
        collect(target.value(), target.location(), into, visiting, false, withRequired);
      } else {
        collect(member, memberAt, into, visiting, true, withRequired);
      }
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach((name, given) -> {
        Schema<?> property = given == null ? new Schema<>() : given;
        SourceLocation propertyAt = at.child("properties").child(name);
        Located<Schema> previous = into.properties.put(name, new Located<>(property, propertyAt));
        if (previous != null && !sameShape(previous.value(), property)) {
          report.info(Category.ALLOF_OVERRIDE, propertyAt, "", "property '" + name + "' also declared at "
              + previous.location() + "; this declaration wins");
        }
      });
    }
    if (withRequired && s.getRequired() != null) {
      into.required.addAll(s.getRequired());
    }
    if (includeUnions && !Schemas.nonNull(Schemas.oneOrAnyOf(s)).isEmpty()) {
      if (isAnyOfObjects(s, at)) {
        // anyOf objects: the value may match several at once, so it carries the fields of all of
        // them, none required (a oneof would drop whatever the second match adds)
        List<Schema<?>> variants = Schemas.oneOrAnyOf(s);
        for (int i = 0; i < variants.size(); i++) {
          Schema<?> member = variants.get(i);
          SourceLocation memberAt = at.child("anyOf").child(i);
          if (Schemas.isNullMember(member) || Schemas.isShapeless(member)) {
            continue;
          }
          Located<Schema> target = member.get$ref() != null ? refs.schema(member, memberAt) : new Located<>(member, memberAt);
          Gathered own = new Gathered();
          collect(target.value(), target.location(), own, visiting, false, false);
          merge(own, into);
        }
      } else {
        into.unions.add(new Located<>(s, at));
      }
    }
    Object additional = Schemas.additionalProperties(s);
    if (additional != null) {
      into.additional = new Located<>(additional, at.child("additionalProperties"));
    }
    visiting.pop();
  }

  /**
   * Adds one anyOf member's fields to the merged message; a property another member declared with
   * another type or other allowed values takes this declaration, and that loss is a report row.
   */
  private void merge(Gathered member, Gathered into) {
    member.properties.forEach((name, property) -> {
      Located<Schema> previous = into.properties.put(name, property);
      if (previous != null && !(sameShape(previous.value(), property.value()) && sameValues(previous.value(), property.value()))) {
        report.warn(Category.ANYOF_MERGE_LOSSY, property.location(), "", "anyOf members are merged into one message, and property '"
            + name + "' is declared here and at " + previous.location() + " with different types or values; the field takes this "
            + "declaration, so values only the other allows do not fit (give the members a property with a const of its own each, "
            + "which makes them a oneof)");
      }
    });
    if (member.additional != null) {
      into.additional = member.additional;
    }
  }

  /** anyOf (no discriminator) whose members are all plain objects: merged, not a oneof. */
  private boolean isAnyOfObjects(Schema<?> s, SourceLocation at) {
    if (s.getAnyOf() == null || s.getAnyOf().isEmpty() || (s.getOneOf() != null && !s.getOneOf().isEmpty())
        || s.getDiscriminator() != null) {
      return false;
    }
    List<Schema<?>> members = Schemas.oneOrAnyOf(s);
    List<Normalized> objects = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (Schemas.isNullMember(members.get(i)) || Schemas.isShapeless(members.get(i))) {
        continue; // "or anything else" adds no fields
      }
      Normalized member = normalizer.normalize(members.get(i), at.child("anyOf").child(i));
      if (classifier.classify(member.schema(), member.location()) != SchemaKind.MESSAGE || !Schemas.oneOrAnyOf(member.schema()).isEmpty()
          || member.schema().getDiscriminator() != null) {
        return false;
      }
      objects.add(member);
    }
    return constants.find(objects) == null; // a const of its own in each member tells them apart: a oneof
  }

  private static boolean sameValues(Schema<?> a, Schema<?> b) {
    return Objects.equals(a.getEnum(), b.getEnum()) && Objects.equals(a.getConst(), b.getConst());
  }

  private static boolean sameShape(Schema<?> a, Schema<?> b) {
    return Objects.equals(a.get$ref(), b.get$ref()) && Schemas.types(a).equals(Schemas.types(b));
  }
}
