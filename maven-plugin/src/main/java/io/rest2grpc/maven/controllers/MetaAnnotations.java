package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds annotations the way Spring does: written directly, or as meta-annotations of a custom annotation
 * declared in the source roots ({@code @ApiGet} annotated {@code @GetMapping}), with the custom annotation's
 * {@code @AliasFor} members overriding the meta-annotation's attributes.
 */
final class MetaAnnotations {

  /** A found annotation: its name, the annotation written on the element, and its attribute expressions. */
  record Found(String name, AnnotationExpr site, Map<String, Expression> attributes) {

    /** The first of the given attributes that is set (Spring's aliases: {@code value}/{@code path}/{@code name}). */
    Optional<Expression> attribute(String... aliases) {
      for (String alias : aliases) {
        Expression value = attributes.get(alias);
        if (value != null) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }
  }

  private final AnnotationNames names;

  MetaAnnotations(AnnotationNames names) {
    this.names = names;
  }

  boolean has(NodeWithAnnotations<?> element, String name) {
    return find(element, Set.of(name)).isPresent();
  }

  /** The first annotation with one of the names: direct annotations first, then meta-annotations. */
  Optional<Found> find(NodeWithAnnotations<?> element, Set<String> wanted) {
    for (AnnotationExpr annotation : element.getAnnotations()) {
      String name = names.qualifiedName(annotation);
      if (wanted.contains(name)) {
        return Optional.of(new Found(name, annotation, attributes(annotation)));
      }
    }
    for (AnnotationExpr annotation : element.getAnnotations()) {
      Optional<Found> meta = throughDeclaration(annotation, attributes(annotation), wanted, new HashSet<>());
      if (meta.isPresent()) {
        return Optional.of(new Found(meta.get().name(), annotation, meta.get().attributes()));
      }
    }
    return Optional.empty();
  }

  /** All qualified names on an element, meta-annotations of source-declared annotations included. */
  Set<String> allNames(NodeWithAnnotations<?> element) {
    Set<String> found = new HashSet<>();
    element.getAnnotations().forEach(annotation -> collectNames(annotation, found));
    return found;
  }

  private void collectNames(AnnotationExpr annotation, Set<String> found) {
    if (found.add(names.qualifiedName(annotation))) {
      names.sourceDeclaration(annotation)
          .ifPresent(declaration -> declaration.getAnnotations().forEach(meta -> collectNames(meta, found)));
    }
  }

  private Optional<Found> search(AnnotationExpr usage, Map<String, Expression> attributes, Set<String> wanted,
      Set<String> visited) {
    String name = names.qualifiedName(usage);
    if (wanted.contains(name)) {
      return Optional.of(new Found(name, usage, attributes));
    }
    return throughDeclaration(usage, attributes, wanted, visited);
  }

  private Optional<Found> throughDeclaration(AnnotationExpr usage, Map<String, Expression> attributes,
      Set<String> wanted, Set<String> visited) {
    if (!visited.add(names.qualifiedName(usage))) {
      return Optional.empty();
    }
    Optional<AnnotationDeclaration> declaration = names.sourceDeclaration(usage);
    if (declaration.isEmpty()) {
      return Optional.empty();
    }
    for (AnnotationExpr meta : declaration.get().getAnnotations()) {
      Map<String, Expression> merged = new LinkedHashMap<>(attributes(meta));
      String metaName = names.qualifiedName(meta);
      for (AnnotationMemberDeclaration member : members(declaration.get())) {
        aliasTarget(member, metaName).ifPresent(target -> {
          Expression value = attributes.get(member.getNameAsString());
          if (value == null && !merged.containsKey(target)) {
            value = member.getDefaultValue().orElse(null);
          }
          if (value != null) {
            merged.put(target, value);
          }
        });
      }
      Optional<Found> found = search(meta, merged, wanted, visited);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The meta-annotation attribute an {@code @AliasFor(annotation = …, attribute = …)} member stands for. */
  private Optional<String> aliasTarget(AnnotationMemberDeclaration member, String metaName) {
    for (AnnotationExpr annotation : member.getAnnotations()) {
      if (!names.qualifiedName(annotation).equals(SpringNames.ALIAS_FOR)) {
        continue;
      }
      Map<String, Expression> alias = attributes(annotation);
      Expression target = alias.get("annotation");
      if (target instanceof ClassExpr type && aliasReaches(names.qualifiedType(type), metaName)) {
        Expression attribute = alias.containsKey("attribute") ? alias.get("attribute") : alias.get("value");
        return Optional.of(attribute != null && attribute.isStringLiteralExpr()
            ? attribute.asStringLiteralExpr().asString() : member.getNameAsString());
      }
    }
    return Optional.empty();
  }

  /** An alias for {@code @RequestMapping} also reaches it through {@code @GetMapping} and its siblings. */
  private static boolean aliasReaches(String aliasAnnotation, String metaName) {
    return aliasAnnotation.equals(metaName)
        || aliasAnnotation.equals(SpringNames.REQUEST_MAPPING) && MappingAnnotations.SHORTCUTS.containsKey(metaName);
  }

  private static List<AnnotationMemberDeclaration> members(AnnotationDeclaration declaration) {
    return declaration.getMembers().stream()
        .filter(AnnotationMemberDeclaration.class::isInstance)
        .map(AnnotationMemberDeclaration.class::cast)
        .toList();
  }

  static Map<String, Expression> attributes(AnnotationExpr annotation) {
    Map<String, Expression> attributes = new LinkedHashMap<>();
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      attributes.put("value", single.getMemberValue());
    } else if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        attributes.put(pair.getNameAsString(), pair.getValue());
      }
    }
    return attributes;
  }
}
