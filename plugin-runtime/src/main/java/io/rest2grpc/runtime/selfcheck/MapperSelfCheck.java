package io.rest2grpc.runtime.selfcheck;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.json.RestJson;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Proves, in the application's own tests, that a generated typed mapper gives gRPC what REST gives, starting from
 * REST JSON documents (the spec's examples, the message with every mapped field set, the empty message), through the
 * app's own message converters (its {@code ObjectMapper}, with whatever mixins, modules and serializers it has):
 * <ul>
 *   <li>a request: the DTO the handler gets from {@code fromProto} of the document, as the REST JSON codec reads it,
 *       prints as the DTO the app's Spring MVC reads from the same document;
 *   <li>an answer: for a DTO the handler returns (read from the document), {@code toProto}'s message in REST JSON is
 *       equivalent to what the app's Spring MVC writes for it, which has no property the message lacks and, from a
 *       document with every mapped field set, every one of them.
 * </ul>
 * A failure names the differing paths and the plugin switch that routes the DTO through the bridge instead.
 * {@code rest2grpc:generate} writes a test running this for every mapper; an app can also call it from its own tests.
 */
public final class MapperSelfCheck {
  private final AppJson json;
  private final RestJson restJson = RestJson.create();

  private MapperSelfCheck(AppJson json) {
    this.json = json;
  }

  /** Reads and writes JSON with the message converters of the context's Spring MVC. */
  public static MapperSelfCheck of(ApplicationContext context) {
    return new MapperSelfCheck(AppJson.of(context));
  }

  /** Reads and writes JSON with these converters, configured as the app's Spring MVC's. */
  public static MapperSelfCheck of(List<HttpMessageConverter<?>> converters) {
    return new MapperSelfCheck(AppJson.of(converters));
  }

  /**
   * One REST JSON document a check starts from.
   *
   * @param origin where it comes from: a spec example's location, or what rest2grpc filled in
   * @param everyMappedField it sets every field the mapper maps, so REST's answer for its DTO must be the document
   */
  public record Seed(String origin, String restJson, boolean everyMappedField) {}

  /**
   * A generated mapper: its DTO type, its message (any instance), the directions it maps, and the documents to check.
   */
  public record Mapped<D, P extends Message>(String mapperName, ParameterizedTypeReference<D> dto, P prototype,
      Optional<Function<D, P>> toProto, Optional<Function<P, D>> fromProto, List<Seed> seeds) {
    public Mapped {
      seeds = List.copyOf(seeds);
    }
  }

  /** One check of one document; {@link #run} fails with an {@code AssertionError}, or says why it could not check. */
  public record Case(String name, Callable<Optional<String>> check) {
    public Optional<String> run() throws Exception {
      return check.call();
    }
  }

  /** A mapper of answers: {@code toProto} only. */
  public static <D, P extends Message> Mapped<D, P> answers(String mapperName, ParameterizedTypeReference<D> dto, P prototype,
      Function<D, P> toProto, Seed... seeds) {
    return new Mapped<>(mapperName, dto, prototype, Optional.of(toProto), Optional.empty(), List.of(seeds));
  }

  /** A mapper of request bodies: {@code fromProto} only. */
  public static <D, P extends Message> Mapped<D, P> requests(String mapperName, ParameterizedTypeReference<D> dto, P prototype,
      Function<P, D> fromProto, Seed... seeds) {
    return new Mapped<>(mapperName, dto, prototype, Optional.empty(), Optional.of(fromProto), List.of(seeds));
  }

  /** A mapper used both ways. */
  public static <D, P extends Message> Mapped<D, P> both(String mapperName, ParameterizedTypeReference<D> dto, P prototype,
      Function<D, P> toProto, Function<P, D> fromProto, Seed... seeds) {
    return new Mapped<>(mapperName, dto, prototype, Optional.of(toProto), Optional.of(fromProto), List.of(seeds));
  }

  public static Seed seed(String origin, String restJson) {
    return new Seed(origin, restJson, false);
  }

  /** A document with every field the mapper maps set. */
  public static Seed filled(String origin, String restJson) {
    return new Seed(origin, restJson, true);
  }

  /** A request check and an answer check per document, for the directions the mapper has. */
  public <D, P extends Message> List<Case> cases(Mapped<D, P> mapped) {
    List<Case> cases = new ArrayList<>();
    for (Seed seed : mapped.seeds()) {
      if (mapped.fromProto().isPresent()) {
        cases.add(new Case("a request body from " + seed.origin(), () -> request(mapped, seed)));
      }
      if (mapped.toProto().isPresent()) {
        cases.add(new Case("an answer from " + seed.origin(), () -> answer(mapped, seed)));
      }
    }
    return cases;
  }

  private <D, P extends Message> Optional<String> request(Mapped<D, P> mapped, Seed seed) throws Exception {
    Type type = mapped.dto().getType();
    P proto;
    try {
      proto = parse(mapped, seed);
    } catch (RuntimeException e) {
      return Optional.of(seed.origin() + " is not REST JSON of " + message(mapped).getFullName() + " (" + e.getMessage()
          + "): nothing to check; correct the example in the spec");
    }
    Object rest;
    try {
      rest = json.read(seed.restJson(), type);
    } catch (Exception e) {
      return Optional.of("the app's Spring MVC cannot read " + seed.origin() + " as " + type.getTypeName() + " (" + e.getMessage()
          + "), so REST answers it 400: nothing to compare");
    }
    String fromRest = json.write(rest, type);
    String fromGrpc = json.write(mapped.fromProto().orElseThrow().apply(proto), type);
    Comparison comparison = RestJsonEquivalence.compare(fromRest, fromGrpc); // both printed by the app: plain JSON
    if (!comparison.equal()) {
      throw new AssertionError(mapped.mapperName() + ".fromProto gives the handler another " + type.getTypeName()
          + " than REST does for " + seed.origin() + "; printed by the app, they differ at:\n  "
          + comparison.describe().replace("\n", "\n  ") + "\nREST: " + fromRest + "\ngRPC: " + fromGrpc + bridgeSwitch(type));
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private <D, P extends Message> Optional<String> answer(Mapped<D, P> mapped, Seed seed) throws Exception {
    Type type = mapped.dto().getType();
    D dto;
    try {
      dto = (D) json.read(seed.restJson(), type);
    } catch (Exception e) {
      if (mapped.fromProto().isEmpty()) {
        return Optional.of("the app's Spring MVC cannot read " + type.getTypeName() + " from " + seed.origin() + " (" + e.getMessage()
            + "), so the check has no DTO to start from: give it a @JsonCreator, or check it in a test of your own "
            + "with MapperSelfCheck");
      }
      dto = mapped.fromProto().get().apply(parse(mapped, seed));
    }
    String rest = json.write(dto, type);
    String grpc = restJson.print(mapped.toProto().orElseThrow().apply(dto));
    Comparison comparison = RestJsonEquivalence.compare(message(mapped), rest, grpc);
    List<String> differences = new ArrayList<>();
    comparison.differences().forEach(difference -> differences.add(difference.describe()));
    comparison.unknownProperties().forEach(property -> differences.add(property + ": REST has it, the message has no such field"));
    if (seed.everyMappedField()) {
      // REST's answer must hold every value of the document, or the app prints the DTO otherwise than the mapper reads it
      RestJsonEquivalence.compare(message(mapped), seed.restJson(), rest).differences()
          .forEach(difference -> differences.add(difference.pointer() + ": REST's answer has " + difference.actual() + " for the document's "
              + difference.expected()));
    }
    if (!differences.isEmpty()) {
      throw new AssertionError(mapped.mapperName() + ".toProto answers gRPC otherwise than REST answers, for the "
          + type.getTypeName() + " of " + seed.origin() + "; in REST JSON they differ at:\n  " + String.join("\n  ", differences)
          + "\nREST: " + rest + "\ngRPC: " + grpc + bridgeSwitch(type));
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private <P extends Message> P parse(Mapped<?, P> mapped, Seed seed) {
    return (P) restJson.parse(seed.restJson(), mapped.prototype().newBuilderForType()).build();
  }

  private static Descriptor message(Mapped<?, ?> mapped) {
    return mapped.prototype().getDescriptorForType();
  }

  private static String bridgeSwitch(Type type) {
    String dto = ResolvableType.forType(type).resolve(Object.class).getCanonicalName();
    return "\nUntil the mapper or the DTO is fixed, route the RPCs that carry it through the bridge: add <dto>" + dto
        + "</dto> to <bridgedDtos> in rest2grpc-maven-plugin's configuration.";
  }
}
