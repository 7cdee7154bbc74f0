package io.rest2grpc.maven.mappers;

import io.rest2grpc.maven.mappers.MappingResult.Mapped;
import io.rest2grpc.maven.mappers.MappingResult.Unmappable;
import java.util.stream.Collectors;

/** A plan as reviewable text: each request's result, then the mapper classes. */
final class PlanText {

  private PlanText() {}

  static String of(MapperSet plan) {
    StringBuilder text = new StringBuilder();
    for (MappingResult result : plan.results()) {
      if (result instanceof Mapped mapped) {
        text.append(result.request().dtoType()).append(" ⇔ ").append(result.request().message().getFullName())
            .append(" (").append(result.request().direction()).append("): ").append(mapped.mapperName()).append('\n');
      } else {
        text.append(((Unmappable) result).describe()).append('\n');
      }
    }
    text.append("\nmapper classes:\n");
    text.append(plan.mappers().stream()
        .map(planned -> "  " + planned.mapper().name() + " (" + planned.direction() + "): " + planned.mapper().dto().describe()
            + " ⇔ " + planned.mapper().protoName())
        .collect(Collectors.joining("\n")));
    return text.append('\n').toString();
  }
}
