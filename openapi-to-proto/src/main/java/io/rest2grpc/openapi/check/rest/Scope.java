package io.rest2grpc.openapi.check.rest;

import io.rest2grpc.openapi.check.rest.RestChange.Kind;

/**
 * Where a schema being compared sits: its operation (null for a component), which way it travels,
 * the kind its retype is reported as, a label for messages ({@code property "name" of Pet}) and a
 * path its children's labels build on ({@code Pet.name}).
 */
record Scope(String operation, Direction direction, Kind retype, String label, String path) {

  static Scope of(String operation, Direction direction, Kind retype, String name) {
    return new Scope(operation, direction, retype, name, name);
  }

  Scope property(String name) {
    return new Scope(operation, direction, Kind.PROPERTY_RETYPED, "property \"" + name + "\" of " + path, path + "." + name);
  }

  Scope items() {
    return new Scope(operation, direction, retype, "items of " + path, path + "[]");
  }

  Scope values() {
    return new Scope(operation, direction, retype, "values of " + path, path + "{}");
  }

  Scope member(String keyword, int index) {
    String member = keyword + "[" + index + "]";
    return new Scope(operation, direction, retype, member + " of " + path, path + "." + member);
  }
}
