package io.rest2grpc.openapi.diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The problems found so far in one conversion: a step that fails is noted and the conversion goes
 * on with the next operation or schema, so one run reports every error of a spec, as a compiler
 * does. {@link #throwIfAny()} ends the conversion with all of them.
 */
public final class Problems {
  private final List<ConversionException> found = new ArrayList<>();
  private final Set<ConversionException.Problem> seen = new HashSet<>();

  /** {@code step}'s result, or null when it fails with a {@link ConversionException}, which is noted. */
  public <T> T attempt(Supplier<T> step) {
    try {
      return step.get();
    } catch (ConversionException e) {
      if (e.problems().stream().anyMatch(seen::add)) {
        found.add(e);
      }
      return null;
    }
  }

  /** Runs {@code step}, noting the {@link ConversionException} it may fail with. */
  public void run(Runnable step) {
    attempt(() -> {
      step.run();
      return null;
    });
  }

  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw ConversionException.of(found);
    }
  }
}
