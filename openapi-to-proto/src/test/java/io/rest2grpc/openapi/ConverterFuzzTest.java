package io.rest2grpc.openapi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Feeds arbitrary documents to the converter: the only exception allowed out is the converter's own
 * {@link ConversionException}. Seeds (in src/test/resources/.../ConverterFuzzTestInputs) are small
 * specs; Maven runs it in fuzzing mode for a bounded time (JAZZER_FUZZ=1, see the pom).
 */
class ConverterFuzzTest {
  private static Path spec;

  @FuzzTest(maxDuration = "30s")
  void convertsOrFailsCleanly(FuzzedDataProvider data) throws Exception {
    if (spec == null) {
      spec = Files.createTempFile("fuzz", data.consumeBoolean() ? ".json" : ".yaml");
      spec.toFile().deleteOnExit();
    }
    Files.write(spec, data.consumeRemainingAsBytes());
    try {
      OpenApiToProto.convert(spec, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20));
    } catch (ConversionException expected) {
      // a clear error for bad input is the right answer
    }
  }
}
