package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.ChosenNames;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The names of the messages and enums made from schemas, and the type each schema location became.
 * Component schemas reserve their names first, in declaration order (components keep their names;
 * inline schemas yield); every other type claims the name of the schema it references, else its
 * context ({@code OrderShippingAddress}), taking the next free one on a collision.
 */
final class TypeNaming {
  private final TypeStore store;
  private final Findings report;
  private final String pkg;
  private final Map<String, String> reservedNames = new HashMap<>();
  private final Map<String, TypeRef> typesByLocation = new HashMap<>();

  TypeNaming(TypeStore store, Findings report, String pkg) {
    this.store = store;
    this.report = report;
    this.pkg = pkg;
  }

  /**
   * Reserves the name of component {@code name}, written at {@code location}; a component whose name
   * an RPC needs for its request message gets a {@code Body} suffix.
   */
  void reserveComponent(String name, SourceLocation location, Set<String> requestNames, Map<String, Object> extensions) {
    String chosen = ChosenNames.of(extensions, ChosenNames.Kind.TYPE, location);
    if (chosen != null) {
      reservedNames.put(location.toString(), reserveChosen(chosen, location, requestNames));
      return;
    }
    String wanted = Names.pascal(name, "Schema");
    String taken = store.reserveType(requestNames.contains(wanted) ? wanted + "Body" : wanted, location);
    if (!taken.equals(wanted)) {
      report.info(Category.NAME_COLLISION, location, pkg + "." + taken,
          "schema '" + name + "' is named " + taken + " (its name is taken by another schema or RPC request)");
    }
    store.nameRule(taken, taken.equals(wanted) ? "component name" : taken.equals(wanted + "Body") ? "component name + Body"
        : "component name, numbered");
    reservedNames.put(location.toString(), taken);
  }

  /** Reserves a name chosen with x-grpc-name, exactly: taken by another type or an RPC's request, it fails. */
  private String reserveChosen(String chosen, SourceLocation location, Set<String> requestNames) {
    if (requestNames.contains(chosen)) {
      throw ChosenNames.taken(location, chosen, "an RPC's request message");
    }
    String taken = store.reserveType(chosen, location);
    if (taken.equals(chosen)) {
      store.chosenName(taken, location);
    } else if (store.isLockedType(taken)) {
      store.nameRule(taken, "locked");
    } else {
      throw ChosenNames.taken(location, chosen, "another message or enum");
    }
    return taken;
  }

  /** The name of the type a {@code $ref} to the schema at {@code at} becomes. */
  String refName(SourceLocation at) {
    String reserved = reservedNames.get(at.toString());
    return reserved != null ? reserved : Names.pascal(SchemaNames.of(at), "Schema");
  }

  /**
   * The type made from the schema at {@code n}'s location, made by {@code define} on first use. The
   * name is taken before it is defined, so a schema that refers back to itself finds it.
   */
  TypeRef typeAt(Normalized n, String context, Consumer<String> define) {
    String key = n.location().toString();
    TypeRef known = typesByLocation.get(key);
    if (known != null) {
      return known;
    }
    String name = claim(n, context);
    TypeRef ref = TypeRef.local(name);
    typesByLocation.put(key, ref);
    define.accept(name);
    return ref;
  }

  /** On a property, x-grpc-name names the field, not the type of an inline schema written there. */
  private static boolean isProperty(SourceLocation location) {
    String pointer = location.pointer();
    int slash = pointer.lastIndexOf('/');
    return slash > 0 && pointer.substring(0, slash).endsWith("/properties");
  }

  /** The type each schema location became, by location. */
  Map<String, TypeRef> typesByLocation() {
    return Collections.unmodifiableMap(typesByLocation);
  }

  private String claim(Normalized n, String context) {
    String reserved = reservedNames.get(n.location().toString());
    if (reserved != null) {
      store.claim(reserved);
      return reserved;
    }
    String chosen = isProperty(n.location()) ? null : ChosenNames.of(n.schema().getExtensions(), ChosenNames.Kind.TYPE, n.location());
    if (chosen != null) {
      String name = reserveChosen(chosen, n.location(), Set.of());
      store.claim(name);
      return name;
    }
    String wanted = n.refName() != null ? n.refName() : context;
    String name = store.reserveType(wanted, n.location());
    if (!name.equals(wanted)) {
      report.info(Category.NAME_COLLISION, n.location(), pkg + "." + name, wanted + " is taken; named " + name);
    }
    store.nameRule(name, (n.refName() != null ? "$ref name" : "inline: where it is written") + (name.equals(wanted) ? "" : ", numbered"));
    store.claim(name);
    return name;
  }
}
