package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.controllers.PlaceholderResolver.Resolution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {

  private final PlaceholderResolver resolver = new PlaceholderResolver(Map.of(
      "api.base", "/api",
      "api.version", "v${api.major}",
      "api.major", "2",
      "loop.a", "${loop.b}",
      "loop.b", "${loop.a}"));

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertThat(resolver.resolve("/orders/{id}")).isEqualTo(new Resolution("/orders/{id}", List.of()));
  }

  @Test
  void propertiesAndTheirOwnPlaceholdersAreResolved() {
    assertThat(resolver.resolve("${api.base}/${api.version}/orders")).isEqualTo(new Resolution("/api/v2/orders", List.of()));
  }

  @Test
  void defaultsApplyOnlyWithoutAProperty() {
    assertThat(resolver.resolve("${api.base:/x}|${missing:/fallback}|${missing:}")).isEqualTo(
        new Resolution("/api|/fallback|", List.of()));
  }

  @Test
  void defaultsMayHoldPlaceholders() {
    assertThat(resolver.resolve("${missing:${api.base}/v1}")).isEqualTo(new Resolution("/api/v1", List.of()));
    assertThat(resolver.resolve("${missing:${other:/deep}}")).isEqualTo(new Resolution("/deep", List.of()));
  }

  @Test
  void unresolvablePlaceholdersStayAsWrittenAndAreListed() {
    assertThat(resolver.resolve("/a/${first}/${second:${third}}")).isEqualTo(
        new Resolution("/a/${first}/${third}", List.of("first", "third")));
  }

  @Test
  void aCircularReferenceIsUnresolvedRatherThanEndless() {
    assertThat(resolver.resolve("${loop.a}").unresolvedKeys()).isNotEmpty();
  }
}
