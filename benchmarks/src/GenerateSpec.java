import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Writes a large, realistic OpenAPI 3.0 spec (JSON) for the size and memory benchmarks
 * ({@code benchmarks/size.sh}): the same arguments always give the same bytes.
 *
 * <pre>
 * java benchmarks/src/GenerateSpec.java --paths 5000 --examples-every 10 --out size.json     # size: 31.5 MB, 2,000 examples
 * java benchmarks/src/GenerateSpec.java --paths 1000 --list-items 6 --out fidelity.json     # memory: 16.3 MB, 4,000 examples
 * </pre>
 *
 * <p>Every resource has two paths: a collection ({@code GET} list with query parameters, {@code
 * POST} create) and an item ({@code GET}, {@code PUT}, {@code PATCH}, {@code DELETE}). Its schemas
 * use what real specs use: an {@code allOf} over a shared base, a string enum, nested objects, a
 * map, an array of line objects, a {@code oneOf} with a discriminator and its mapping, a nullable
 * field, a create schema and a list envelope. Examples, all valid against their schemas, on every
 * {@code --examples-every}-th resource, eight each: one on each of its component schemas with an
 * object or enum type and one on each JSON request and response (the list response holds {@code
 * --list-items} resources, which is what makes the file grow).
 *
 * <p>Options: {@code --paths N} (even, at least 2), {@code --list-items K} (default 3), {@code
 * --examples-every E} (only every E-th resource has examples; default 1, 0 for none), {@code --seed
 * S} (default 42), {@code --out FILE}. Prints the resource, path and example counts and the size to
 * stderr.
 */
public class GenerateSpec {
  private static final String[] GROUPS = {"billing", "inventory", "shipping", "catalog", "identity", "payments",
      "support", "analytics", "marketing", "compliance", "storage", "network", "compute", "messaging", "search",
      "scheduling", "reporting", "accounts", "devices", "media", "pricing", "audit", "partners", "workflows"};
  private static final String[] ADJECTIVES = {"active", "archived", "bulk", "custom", "daily", "default", "draft",
      "external", "global", "hosted", "internal", "legacy", "linked", "managed", "monthly", "pending", "primary",
      "private", "public", "recurring", "regional", "scheduled", "shared", "standard", "tagged", "trial", "verified",
      "virtual", "weekly", "yearly"};
  private static final String[] NOUNS = {"account", "address", "alert", "asset", "batch", "budget", "campaign",
      "channel", "contract", "coupon", "credential", "customer", "dataset", "deployment", "device", "discount",
      "document", "domain", "event", "export", "invoice", "job", "key", "ledger", "license", "mandate", "member",
      "notification", "order", "package", "payout", "plan", "policy", "product", "quota", "refund", "report",
      "review", "rule", "segment", "session", "shipment", "subscription", "supplier", "task", "ticket", "token",
      "transfer", "volume", "webhook"};
  private static final String[] STATUSES = {"active", "pending", "suspended", "archived", "deleted", "failed",
      "queued", "completed"};
  private static final String[] WORDS = {"alpha", "bravo", "cobalt", "delta", "ember", "falcon", "granite",
      "harbor", "indigo", "juniper", "kestrel", "lumen", "meridian", "nimbus", "onyx", "prairie", "quartz",
      "ridge", "summit", "tundra"};
  private static final String REF = "#/components/schemas/";
  /** Four on component schemas, four on request and response bodies. */
  private static final int EXAMPLES_PER_RESOURCE = 8;

  private final Random random;
  private final int listItems;
  private final int exampleEvery;

  private GenerateSpec(long seed, int listItems, int exampleEvery) {
    this.random = new Random(seed);
    this.listItems = listItems;
    this.exampleEvery = exampleEvery;
  }

  public static void main(String[] args) throws IOException {
    int paths = 0;
    int listItems = 3;
    int exampleEvery = 1;
    long seed = 42;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--paths" -> paths = Integer.parseInt(args[i + 1]);
        case "--list-items" -> listItems = Integer.parseInt(args[i + 1]);
        case "--examples-every" -> exampleEvery = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0 || out == null || paths < 2 || paths % 2 != 0 || listItems < 0 || exampleEvery < 0) {
      usage("--paths must be an even number of at least 2, --list-items and --examples-every at least 0, --out given");
    }
    int resources = paths / 2;
    if (resources > GROUPS.length * ADJECTIVES.length * NOUNS.length) {
      usage("at most " + 2 * GROUPS.length * ADJECTIVES.length * NOUNS.length + " paths");
    }
    Map<String, Object> spec = new GenerateSpec(seed, listItems, exampleEvery).spec(resources);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      new Json(w).value(spec, "");
      w.write('\n');
    }
    int exampled = exampleEvery == 0 ? 0 : (resources + exampleEvery - 1) / exampleEvery;
    System.err.printf("%s: %d resources, %d paths, %d examples, %d bytes%n",
        out, resources, paths, exampled * EXAMPLES_PER_RESOURCE, Files.size(out));
  }

  private static void usage(String problem) {
    System.err.println("GenerateSpec: " + problem + "\nusage: java GenerateSpec.java --paths N [--list-items K] [--examples-every E] [--seed S] --out FILE");
    System.exit(2);
  }

  /** One resource: its names, the values of its status enum, whether it has examples. */
  private record Resource(Names n, List<String> statuses, boolean examples) {}

  /** A resource's names: the spec uses snake_case in JSON, PascalCase for schemas, kebab-case in paths. */
  private record Names(String group, String snake, String pascal, String kebab) {
    static Names of(int index) {
      String group = GROUPS[index % GROUPS.length];
      int rest = index / GROUPS.length;
      String adjective = ADJECTIVES[rest % ADJECTIVES.length];
      String noun = NOUNS[rest / ADJECTIVES.length];
      return new Names(group, adjective + "_" + noun, pascal(group) + pascal(adjective) + pascal(noun), adjective + "-" + noun);
    }

    private static String pascal(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }

  private Map<String, Object> spec(int resources) {
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> schemas = new LinkedHashMap<>();
    sharedSchemas(schemas);
    for (int i = 0; i < resources; i++) {
      Resource r = new Resource(Names.of(i), statuses(), exampleEvery > 0 && i % exampleEvery == 0);
      resourceSchemas(r, schemas);
      String collection = "/" + r.n().group() + "/" + r.n().kebab() + "s";
      paths.put(collection, collectionPath(r));
      paths.put(collection + "/{" + r.n().snake() + "_id}", itemPath(r));
    }
    List<Object> tagList = new ArrayList<>();
    for (int g = 0; g < Math.min(resources, GROUPS.length); g++) {
      tagList.add(obj("name", GROUPS[g], "description", "Operations of the " + GROUPS[g] + " domain."));
    }
    return obj(
        "openapi", "3.0.3",
        "info", obj("title", "Generated Platform API", "version", "1.0.0",
            "description", "A generated spec for benchmarks: " + resources + " resources, CRUD on each."),
        "servers", List.of(obj("url", "https://api.example.com/v1")),
        "tags", tagList,
        "paths", paths,
        "components", obj("schemas", schemas,
            "parameters", obj(
                "PageSize", obj("name", "page_size", "in", "query", "description", "Items per page.",
                    "schema", obj("type", "integer", "format", "int32", "minimum", 1, "maximum", 500, "default", 50)),
                "PageToken", obj("name", "page_token", "in", "query", "description", "Where the previous page ended.",
                    "schema", obj("type", "string"))),
            "responses", obj("Error", obj("description", "The request failed.",
                "content", obj("application/json", obj("schema", ref("Error")))))));
  }

  private static void sharedSchemas(Map<String, Object> schemas) {
    schemas.put("Resource", obj("type", "object", "description", "What every resource has.",
        "required", List.of("id", "created_at"),
        "properties", obj(
            "id", obj("type", "string", "description", "Unique identifier."),
            "created_at", obj("type", "string", "format", "date-time"),
            "updated_at", obj("type", "string", "format", "date-time"),
            "etag", obj("type", "string"))));
    schemas.put("Owner", obj("type", "object", "description", "Who owns a resource.",
        "properties", obj(
            "user_id", obj("type", "string"),
            "email", obj("type", "string", "format", "email"),
            "display_name", obj("type", "string"),
            "roles", obj("type", "array", "items", obj("type", "string", "enum", List.of("admin", "editor", "viewer"))))));
    schemas.put("Error", obj("type", "object", "required", List.of("code", "message"),
        "properties", obj(
            "code", obj("type", "integer", "format", "int32"),
            "message", obj("type", "string"),
            "details", obj("type", "array", "items", obj("type", "string")))));
  }

  private void resourceSchemas(Resource r, Map<String, Object> schemas) {
    Names n = r.n();
    String p = n.pascal();
    schemas.put(p + "Status", withExample(r, obj("type", "string", "description", "Lifecycle of a " + n.kebab() + ".",
        "enum", r.statuses()), () -> r.statuses().get(0)));
    schemas.put(p + "Attributes", withExample(r, obj("type", "object", "description", "Descriptive attributes.",
        "properties", obj(
            "label", obj("type", "string", "maxLength", 120),
            "priority", obj("type", "integer", "format", "int32", "minimum", 0, "maximum", 10),
            "weight", obj("type", "number", "format", "double"),
            "tags", obj("type", "array", "items", obj("type", "string")),
            "dimensions", obj("type", "object", "properties", obj(
                "width", obj("type", "number"), "height", obj("type", "number"), "depth", obj("type", "number"))),
            "labels", obj("type", "object", "additionalProperties", obj("type", "string")))),
        this::attributes));
    schemas.put(p + "Line", obj("type", "object", "required", List.of("sku", "quantity"),
        "properties", obj(
            "sku", obj("type", "string"),
            "quantity", obj("type", "integer", "format", "int32", "minimum", 1),
            "unit_price", obj("type", "number", "format", "double"),
            "currency", obj("type", "string", "enum", List.of("EUR", "USD", "GBP", "JPY")),
            "note", obj("type", "string", "nullable", true))));
    schemas.put(p + "Manual", obj("type", "object", "required", List.of("kind", "operator"),
        "properties", obj(
            "kind", obj("type", "string", "enum", List.of("manual")),
            "operator", obj("type", "string"),
            "reason", obj("type", "string"))));
    schemas.put(p + "Imported", obj("type", "object", "required", List.of("kind", "source_url"),
        "properties", obj(
            "kind", obj("type", "string", "enum", List.of("imported")),
            "source_url", obj("type", "string", "format", "uri"),
            "batch_size", obj("type", "integer", "format", "int64"))));
    schemas.put(p + "Origin", obj("description", "How the " + n.kebab() + " came to be.",
        "oneOf", List.of(ref(p + "Manual"), ref(p + "Imported")),
        "discriminator", obj("propertyName", "kind",
            "mapping", obj("manual", REF + p + "Manual", "imported", REF + p + "Imported"))));
    schemas.put(p, withExample(r, obj("description", "A " + n.kebab().replace('-', ' ') + ".",
        "allOf", List.of(ref("Resource"), obj("type", "object", "required", List.of("name", "status"), "properties", fields(p)))),
        () -> resource(r)));
    schemas.put(p + "Create", withExample(r, obj("type", "object", "required", List.of("name"),
        "properties", obj(
            "name", obj("type", "string"),
            "status", ref(p + "Status"),
            "attributes", ref(p + "Attributes"),
            "lines", obj("type", "array", "items", ref(p + "Line")),
            "origin", ref(p + "Origin"))),
        () -> create(r)));
    schemas.put(p + "List", obj("type", "object", "required", List.of("data"),
        "properties", obj(
            "data", obj("type", "array", "items", ref(p)),
            "next_page_token", obj("type", "string"),
            "total", obj("type", "integer", "format", "int64"))));
  }

  private static Map<String, Object> fields(String p) {
    return obj(
        "name", obj("type", "string"),
        "status", ref(p + "Status"),
        "owner", ref("Owner"),
        "attributes", ref(p + "Attributes"),
        "lines", obj("type", "array", "items", ref(p + "Line")),
        "origin", ref(p + "Origin"),
        "version", obj("type", "integer", "format", "int64"),
        "enabled", obj("type", "boolean"));
  }

  private Map<String, Object> collectionPath(Resource r) {
    Names n = r.n();
    String p = n.pascal();
    Map<String, Object> create = obj("schema", ref(p + "Create"));
    if (r.examples()) {
      create.put("examples", obj("minimal", obj("summary", "Only the name", "value", obj("name", title()))));
    }
    return obj(
        "get", operation(n, "list", "List " + n.kebab() + "s.", null,
            List.of(ref("#/components/parameters/PageSize"), ref("#/components/parameters/PageToken"),
                obj("name", "status", "in", "query", "schema", ref(p + "Status"))),
            "200", ref(p + "List"), example(r, () -> page(r))),
        "post", operation(n, "create", "Create a " + n.kebab() + ".", create,
            List.of(), "201", ref(p), example(r, () -> resource(r))));
  }

  private Map<String, Object> itemPath(Resource r) {
    Names n = r.n();
    String p = n.pascal();
    Map<String, Object> id = obj("name", n.snake() + "_id", "in", "path", "required", true, "schema", obj("type", "string"));
    Map<String, Object> body = obj("schema", ref(p + "Create"));
    return obj(
        "parameters", List.of(id),
        "get", operation(n, "get", "Get a " + n.kebab() + ".", null, List.of(), "200", ref(p), example(r, () -> resource(r))),
        "put", operation(n, "replace", "Replace a " + n.kebab() + ".", body, List.of(), "200", ref(p), null),
        "patch", operation(n, "update", "Update a " + n.kebab() + ".", body,
            List.of(obj("name", "If-Match", "in", "header", "schema", obj("type", "string"))), "200", ref(p), null),
        "delete", operation(n, "delete", "Delete a " + n.kebab() + ".", null, List.of(), "204", null, null));
  }

  private static Map<String, Object> operation(Names n, String verb, String summary, Map<String, Object> body,
      List<Object> parameters, String status, Object schema, Object example) {
    Map<String, Object> op = obj("operationId", verb + n.pascal(), "summary", summary, "tags", List.of(n.group()));
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (body != null) {
      op.put("requestBody", obj("required", true, "content", obj("application/json", body)));
    }
    Map<String, Object> ok = obj("description", summary.replace(".", ": done."));
    if (schema != null) {
      Map<String, Object> media = obj("schema", schema);
      if (example != null) {
        media.put("example", example);
      }
      ok.put("content", obj("application/json", media));
    }
    op.put("responses", obj(status, ok, "default", ref("#/components/responses/Error")));
    return op;
  }

  private List<String> statuses() {
    int from = random.nextInt(STATUSES.length - 3);
    return List.of(STATUSES).subList(from, from + 3 + random.nextInt(STATUSES.length - 2 - from));
  }

  private <T> T example(Resource r, Supplier<T> example) {
    return r.examples() ? example.get() : null;
  }

  private Map<String, Object> withExample(Resource r, Map<String, Object> schema, Supplier<Object> example) {
    if (r.examples()) {
      schema.put("example", example.get());
    }
    return schema;
  }

  private Map<String, Object> page(Resource r) {
    List<Object> data = new ArrayList<>();
    for (int i = 0; i < listItems; i++) {
      data.add(resource(r));
    }
    return obj("data", data, "next_page_token", word() + "-" + random.nextInt(100_000), "total", 1000 + random.nextInt(100_000));
  }

  private Map<String, Object> resource(Resource r) {
    return obj(
        "id", word() + "_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
        "created_at", timestamp(),
        "updated_at", timestamp(),
        "etag", Integer.toHexString(random.nextInt()),
        "name", title(),
        "status", r.statuses().get(random.nextInt(r.statuses().size())),
        "owner", obj("user_id", "usr_" + random.nextInt(1_000_000), "email", word() + "@example.com",
            "display_name", title(), "roles", List.of("admin", "editor", "viewer").subList(0, 1 + random.nextInt(3))),
        "attributes", attributes(),
        "lines", lines(),
        "origin", origin(),
        "version", 1 + random.nextInt(1000),
        "enabled", random.nextBoolean());
  }

  private Map<String, Object> create(Resource r) {
    return obj("name", title(), "status", r.statuses().get(0), "attributes", attributes(), "lines", lines(), "origin", origin());
  }

  private Map<String, Object> attributes() {
    Map<String, Object> labels = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      labels.put(word(), word());
    }
    return obj(
        "label", title(),
        "priority", random.nextInt(11),
        "weight", Math.round(random.nextDouble() * 10_000) / 100.0,
        "tags", List.of(word(), word()),
        "dimensions", obj("width", random.nextInt(300), "height", random.nextInt(300), "depth", Math.round(random.nextDouble() * 1000) / 10.0),
        "labels", labels);
  }

  private List<Object> lines() {
    List<Object> lines = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      Map<String, Object> line = obj("sku", "SKU-" + (10_000 + random.nextInt(90_000)), "quantity", 1 + random.nextInt(50),
          "unit_price", Math.round(random.nextDouble() * 100_000) / 100.0, "currency", List.of("EUR", "USD", "GBP", "JPY").get(random.nextInt(4)));
      line.put("note", random.nextInt(3) == 0 ? null : "Deliver to " + title());
      lines.add(line);
    }
    return lines;
  }

  private Map<String, Object> origin() {
    return random.nextBoolean()
        ? obj("kind", "manual", "operator", word() + "." + word(), "reason", "Requested by " + title())
        : obj("kind", "imported", "source_url", "https://import.example.com/" + word() + "/" + random.nextInt(10_000),
            "batch_size", 1 + random.nextInt(5000));
  }

  private String timestamp() {
    return String.format("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(12), 1 + random.nextInt(28),
        random.nextInt(24), random.nextInt(60), random.nextInt(60));
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String title() {
    String w = word();
    return Character.toUpperCase(w.charAt(0)) + w.substring(1) + " " + word() + " " + (1 + random.nextInt(999));
  }

  private static Map<String, Object> ref(String target) {
    return obj("$ref", target.startsWith("#") ? target : REF + target);
  }

  /** An ordered JSON object from key, value pairs. */
  private static Map<String, Object> obj(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** Pretty-printed JSON, two spaces per level, as specs are usually written. */
  private record Json(Writer w) {
    void value(Object v, String indent) throws IOException {
      if (v instanceof Map<?, ?> m) {
        container("{", "}", m.entrySet().stream().map(e -> (Object) e).toList(), indent);
      } else if (v instanceof List<?> l) {
        container("[", "]", new ArrayList<>(l), indent);
      } else if (v instanceof String s) {
        string(s);
      } else {
        w.write(String.valueOf(v));
      }
    }

    private void container(String open, String close, List<Object> items, String indent) throws IOException {
      if (items.isEmpty()) {
        w.write(open + close);
        return;
      }
      String inner = indent + "  ";
      w.write(open);
      for (int i = 0; i < items.size(); i++) {
        w.write(i == 0 ? "\n" : ",\n");
        w.write(inner);
        if (items.get(i) instanceof Map.Entry<?, ?> e) {
          string((String) e.getKey());
          w.write(": ");
          value(e.getValue(), inner);
        } else {
          value(items.get(i), inner);
        }
      }
      w.write("\n" + indent + close);
    }

    private void string(String s) throws IOException {
      w.write('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> w.write("\\\"");
          case '\\' -> w.write("\\\\");
          case '\n' -> w.write("\\n");
          default -> w.write(c);
        }
      }
      w.write('"');
    }
  }
}
