package io.rest2grpc.openapi.check.rest;

import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The changes found so far; handed out sorted by pointer (the old one, else the new), then kind. */
final class Changes {
  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<RestChange> ORDER = Comparator
      .comparing((RestChange c) -> c.oldPointer() != null ? c.oldPointer() : c.newPointer(), TEXT)
      .thenComparing(RestChange::kind)
      .thenComparing(RestChange::operation, TEXT)
      .thenComparing(RestChange::newPointer, TEXT)
      .thenComparing(RestChange::detail, TEXT)
      .thenComparing(RestChange::breaking);

  private final List<RestChange> found = new ArrayList<>();

  void add(Kind kind, String operation, String oldPointer, String newPointer, String detail, boolean breaking) {
    found.add(new RestChange(kind, operation, oldPointer, newPointer, detail, breaking));
  }

  /** Sorted, each once (a Swagger 2.0 body listed under several media types is one schema). */
  List<RestChange> sorted() {
    return found.stream().distinct().sorted(ORDER).toList();
  }
}
