package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestParameterUse;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a query, header or cookie parameter goes when it is not a request field (module README,
 * "Shared parameters"): a credential, signature or transport parameter that nearly every operation
 * of the spec takes travels as gRPC metadata and is written once, in {@code RestFile.shared_parameters};
 * a required parameter with one allowed value is a {@code RestConstant} of its method.
 */
final class ParameterPlacement {
  /**
   * "Nearly every operation": at least this share of the spec's operations. Every operation that does
   * not take a shared parameter says so in its own option, so at 80% each such line replaces at least
   * four request fields.
   */
  static final double SHARE = 0.8;
  /** Below this many operations a share says nothing (one of one is 100%). */
  static final int MIN_OPERATIONS = 5;

  private final RefResolver refs;
  private final Map<String, RestParameter> shared;

  private ParameterPlacement(RefResolver refs, Map<String, RestParameter> shared) {
    this.refs = refs;
    this.shared = shared;
  }

  /** No parameter is shared: for a conversion that has not counted them. */
  static ParameterPlacement none(RefResolver refs) {
    return new ParameterPlacement(refs, Map.of());
  }

  /**
   * Counts, over {@code ops}, the operations that take each credential, signature or transport
   * parameter, by metadata key and in any of query, header and cookie (Slack sends its token in the
   * header or the query), with one schema. A parameter or schema that does not resolve is not
   * counted; the conversion of its operation reports why.
   */
  static ParameterPlacement count(List<Op> ops, OperationParts parts, RefResolver refs, Findings report, String pkg) {
    ParameterPlacement placement = none(refs);
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (Op op : ops) {
      List<Located<Parameter>> parameters;
      try {
        parameters = parts.parameters(op);
      } catch (ConversionException e) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Located<Parameter> located : parameters) {
        try {
          placement.countIn(located, candidates, seen, parts);
        } catch (ConversionException e) {
          // not counted: the conversion of the operation reports it
        }
      }
    }
    Map<String, RestParameter> shared = new LinkedHashMap<>();
    candidates.forEach((key, candidate) -> {
      int operations = candidate.operations();
      if (candidate.schemas.size() == 1 && operations >= MIN_OPERATIONS && operations >= SHARE * ops.size()) {
        Parameter first = candidate.first.value();
        RestParameter parameter = RestParameter.newBuilder().setName(first.getName()).setLocation(candidate.usualLocation())
            .setMetadataKey(key).setSecret(candidate.kind == ParameterKind.CREDENTIAL).build();
        shared.put(key, parameter);
        report.info(Category.SHARED_PARAMETER, candidate.first.location(), pkg, first.getIn() + " parameter '" + first.getName()
            + "' (" + candidate.kind.name().toLowerCase(Locale.ROOT) + ") is on " + operations + " of " + ops.size()
            + " operations: it travels as gRPC metadata '" + key + "', not as a request field (RestFile.shared_parameters)");
      }
    });
    return new ParameterPlacement(refs, shared);
  }

  /** Counts {@code located} as a candidate when it is of a kind that may be shared, once per operation ({@code seen}). */
  private void countIn(Located<Parameter> located, Map<String, Candidate> candidates, Set<String> seen, OperationParts parts) {
    Parameter p = located.value();
    ParameterLocation location = location(p);
    if (location == null || parts.isMetadataHeader(p) || constant(located) != null) {
      return;
    }
    ParameterKind kind = ParameterKind.of(p.getName(), p.getIn());
    Schema<?> schema = schema(located);
    String key = metadataKey(p.getName());
    if (kind != null && isScalar(schema) && isPlainKey(key) && seen.add(key)) {
      candidates.computeIfAbsent(key, k -> new Candidate(kind, located)).add(location, schema);
    }
  }

  /** Every shared parameter, in the order the spec first declares them. */
  List<RestParameter> shared() {
    return List.copyOf(shared.values());
  }

  /** The shared parameter {@code located} is, or null. */
  RestParameter shared(Located<Parameter> located) {
    Parameter p = located.value();
    RestParameter parameter = location(p) == null ? null : shared.get(metadataKey(p.getName()));
    return parameter != null && p.getName().equalsIgnoreCase(parameter.getName()) && isScalar(schema(located)) ? parameter : null;
  }

  /**
   * Where an operation that takes the shared parameters {@code taken} (metadata key → where) departs
   * from {@code RestFile.shared_parameters}.
   */
  List<RestParameterUse> uses(Map<String, ParameterLocation> taken) {
    List<RestParameterUse> uses = new ArrayList<>();
    shared.forEach((key, parameter) -> {
      ParameterLocation location = taken.getOrDefault(key, ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED);
      if (location != parameter.getLocation()) {
        uses.add(RestParameterUse.newBuilder().setMetadataKey(key).setLocation(location).build());
      }
    });
    return uses;
  }

  /** The constant a required query, header or cookie parameter with exactly one allowed value is; else null. */
  RestConstant constant(Located<Parameter> located) {
    Parameter p = located.value();
    ParameterLocation location = location(p);
    if (location == null || !Boolean.TRUE.equals(p.getRequired())) {
      return null;
    }
    Schema<?> schema = schema(located);
    Object value = schema == null ? null : schema.getConst() != null ? schema.getConst()
        : schema.getEnum() != null && schema.getEnum().size() == 1 ? schema.getEnum().get(0) : null;
    return value == null || !isScalar(schema) ? null
        : RestConstant.newBuilder().setName(p.getName()).setLocation(location).setValue(String.valueOf(value)).build();
  }

  static ParameterLocation location(Parameter p) {
    if (p.getName() == null || p.getIn() == null) {
      return null;
    }
    return switch (p.getIn()) {
      case "query" -> ParameterLocation.PARAMETER_LOCATION_QUERY;
      case "header" -> ParameterLocation.PARAMETER_LOCATION_HEADER;
      case "cookie" -> ParameterLocation.PARAMETER_LOCATION_COOKIE;
      default -> null;
    };
  }

  /** A gRPC metadata key: lower case, with what keys cannot hold ({@code $}, spaces…) as {@code -}. */
  static String metadataKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z_.-]", "-");
  }

  /** Not reserved by gRPC ({@code grpc-}) and not a binary key ({@code -bin}), whose values are no REST text. */
  private static boolean isPlainKey(String key) {
    return !key.startsWith("grpc-") && !key.endsWith("-bin");
  }

  /** The parameter's schema, its {@code $ref} followed; null without one. */
  private Schema<?> schema(Located<Parameter> located) {
    Parameter p = located.value();
    if (p.getSchema() != null) {
      return refs.schema(p.getSchema(), located.location().child("schema")).value();
    }
    if (p.getContent() == null || p.getContent().isEmpty()) {
      return null;
    }
    Map.Entry<String, MediaType> media = p.getContent().entrySet().iterator().next();
    return media.getValue().getSchema() == null ? null
        : refs.schema(media.getValue().getSchema(), located.location().child("content").child(media.getKey()).child("schema")).value();
  }

  /** A single string, number, integer or boolean (or a schema without a type): one value on the wire. */
  private static boolean isScalar(Schema<?> schema) {
    return schema == null || Set.of("string", "number", "integer", "boolean").containsAll(Schemas.types(schema));
  }

  /** The operations that take one parameter: where, and with which schemas. */
  private static final class Candidate {
    private final ParameterKind kind;
    private final Located<Parameter> first;
    private final Map<ParameterLocation, Integer> locations = new HashMap<>();
    private final List<Schema<?>> schemas = new ArrayList<>();

    Candidate(ParameterKind kind, Located<Parameter> first) {
      this.kind = kind;
      this.first = first;
    }

    void add(ParameterLocation location, Schema<?> schema) {
      locations.merge(location, 1, Integer::sum);
      if (!schemas.contains(schema)) {
        schemas.add(schema);
      }
    }

    int operations() {
      return locations.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Where most operations take it; of equal counts, query before header before cookie. */
    ParameterLocation usualLocation() {
      return locations.entrySet().stream()
          .max(Map.Entry.<ParameterLocation, Integer>comparingByValue().thenComparing(e -> -e.getKey().getNumber()))
          .orElseThrow().getKey();
    }
  }
}
