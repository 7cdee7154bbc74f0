package io.rest2grpc.openapi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.support.RandomSpecs;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.openapi.write.OutputWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the converter raw bytes (half of the runs) and generated specs that combine every schema
 * keyword, reference and parameter style in random ways (the other half). The only exception
 * allowed out is the converter's own {@link ConversionException}; whatever converts must also link
 * into descriptors ({@link DescriptorBuilder#build}, which fails on a file protoc would reject). Maven runs it in fuzzing mode for
 * a bounded time (JAZZER_FUZZ=1, see the pom); without that it replays the seeds in
 * src/test/resources/io/rest2grpc/openapi/ConverterFuzzTestInputs.
 */
class ConverterFuzzTest {
  private static Path spec;

  // Jazzer reads @Timeout as libFuzzer's per-input -timeout (the pom keeps JUnit from applying it to
  // the whole run): an input that hangs fails the build instead of stalling it.
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "30s")
  void convertsOrFailsCleanly(FuzzedDataProvider data) throws Exception {
    if (spec == null) {
      spec = Files.createTempFile("fuzz", ".yaml");
      spec.toFile().deleteOnExit();
    }
    byte[] document = data.consumeBoolean()
        ? data.consumeRemainingAsBytes()
        : RandomSpecs.generate(data).getBytes(StandardCharsets.UTF_8);
    Files.write(spec, document);
    try {
      Conversion conversion = OpenApiToProto.convert(spec, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20));
      OutputWriter.render(conversion);
      DescriptorBuilder.build(conversion);
    } catch (ConversionException expected) {
      // a clear error for bad input is the right answer
    }
  }
}
