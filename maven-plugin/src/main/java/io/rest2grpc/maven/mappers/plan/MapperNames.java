package io.rest2grpc.maven.mappers.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Gives each DTO/proto pair its mapper class name, {@code OrderDtoMapper}, unique within one plan. */
final class MapperNames {

  private final Map<PairKey, String> names = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** A DTO type and the proto type it maps to. */
  record PairKey(String dto, String proto) {}

  String name(PairKey key, String preferred, String qualified) {
    return names.computeIfAbsent(key, ignored -> {
      String name = taken.contains(preferred) ? qualified : preferred;
      for (int i = 2; taken.contains(name); i++) {
        name = qualified + i;
      }
      taken.add(name);
      return name;
    });
  }
}
