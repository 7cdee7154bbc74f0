package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.read.DocumentLoader;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.read.SpecReader;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The schema steps wired as {@link SchemaConverter} wires them, over the component schemas of a
 * spec written by the test ({@code components.schemas} of an OpenAPI 3.1 document, in {@code spec.yaml}).
 */
record SchemaFixture(Spec spec, RefResolver refs, Findings report, TypeNaming naming, SchemaNormalizer normalizer, Compositions compositions) {

  static SchemaFixture of(Path dir, String schemas) {
    Path file = dir.resolve("spec.yaml");
    try {
      Files.writeString(file, """
          openapi: 3.1.0
          info: {title: Shop, version: 1.0.0}
          components:
            schemas:
          %s""".formatted(schemas.indent(4)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Findings report = new Findings();
    DocumentLoader loader = new DocumentLoader(file, ConversionOptions.DEFAULT_MAX_SPEC_BYTES);
    Spec spec = new SpecReader(loader, report, SpecOverrides.none()).read(file);
    RefResolver refs = new RefResolver(loader, spec, file);
    TypeNaming naming = new TypeNaming(new TypeStore(spec.displayName(), spec.root(), Lock.empty("shop.v1")), report, "shop.v1");
    SchemaNormalizer normalizer = new SchemaNormalizer(refs, naming);
    Compositions compositions = new Compositions(refs, normalizer, new SchemaClassifier(new Discriminators(refs)), report);
    return new SchemaFixture(spec, refs, report, naming, normalizer, compositions);
  }

  /** The component schema {@code name} and where it is written. */
  Located<Schema> component(String name) {
    return new Located<>(spec.model().getComponents().getSchemas().get(name), refs.componentLocation("schemas", name));
  }

  Normalized normalize(String component) {
    Located<Schema> c = component(component);
    return normalizer.normalize(c.value(), c.location());
  }
}
