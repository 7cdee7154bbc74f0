package io.rest2grpc.openapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: exit codes, messages that name the file and place, and all-or-nothing output. */
class CliTest {
  private static final String PATHS = "paths:\n  /a:\n    get: {operationId: getA, responses: {'200': {description: ok}}}\n";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    return run(new Main(), args);
  }

  private Run run(Object command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = Main.configure(new CommandLine(command));
    cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void helpAndUsageErrors() {
    assertThat(run("convert", "--help").exit()).isZero();
    Run missingOutput = run("convert", "spec.yaml");
    assertThat(missingOutput.exit()).isEqualTo(Main.USAGE);
    assertThat(missingOutput.err()).contains("--output");
    assertThat(run("convert", "--example", "-o", dir.resolve("x").toString(), "--group-by", "colour").exit()).isEqualTo(Main.USAGE);
    Run badTimeout = run("convert", "--example", "-o", dir.resolve("x").toString(), "--default-timeout", "soon");
    assertThat(badTimeout.exit()).isEqualTo(Main.USAGE);
    assertThat(badTimeout.err()).contains("--default-timeout takes a positive duration such as 30s, 500ms or 2m, not 'soon'");
  }

  @Test
  void theLockKeepsNumbersAndRefusesABreakingChangeUnlessAllowed() throws Exception {
    Path lock = dir.resolve("locks/shop.lock.json");
    String v1 = "openapi: 3.0.3\ninfo: {title: Shop, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    Order:\n"
        + "      type: object\n      properties:\n        id: {type: string}\n        amount: {type: string}\n";
    Path spec = write("shop.yaml", v1);
    Run first = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--lock", lock.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("lock: " + lock);
    assertThat(lock).exists();

    write("shop.yaml", v1.replace("amount: {type: string}", "amount: {type: integer}"));
    Run refused = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--lock", lock.toString());
    assertThat(refused.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(refused.err()).contains("shop.yaml#/components/schemas/Order/properties/amount (line 10, column 9): "
        + "incompatible change to locked field: "
        + "Order.amount (REST \"amount\", number 2): string -> int64").contains("--allow-breaking");

    Run allowed = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--lock", lock.toString(), "--allow-breaking");
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    StringBuilder protos = new StringBuilder();
    try (var files = Files.list(dir.resolve("out/shop/v1"))) {
      for (Path proto : files.filter(p -> p.toString().endsWith(".proto")).toList()) {
        protos.append(Files.readString(proto));
      }
    }
    assertThat(protos).contains("int64 amount_v2 = 3 [json_name = \"amount\"];");
  }

  @Test
  void theLockTakesOneSpecAndAllowBreakingTakesALock() throws Exception {
    write("a.yaml", "openapi: 3.0.3\ninfo: {title: A, version: 1.0.0}\npaths: {}\n");
    write("b.yaml", "openapi: 3.0.3\ninfo: {title: B, version: 1.0.0}\npaths: {}\n");
    Run several = run("convert", dir.toString(), "-o", dir.resolve("out").toString(), "--lock", dir.resolve("x.lock.json").toString());
    assertThat(several.exit()).isEqualTo(Main.USAGE);
    assertThat(several.err()).contains("--lock works with one spec; found 2");
    Run noLock = run("convert", "--example", "-o", dir.resolve("out").toString(), "--allow-breaking");
    assertThat(noLock.exit()).isEqualTo(Main.USAGE);
    assertThat(noLock.err()).contains("--allow-breaking needs a lock");
  }

  @Test
  void theLockLivesNextToTheSpecByDefault() throws Exception {
    Path spec = write("shop.yaml", "openapi: 3.0.3\ninfo: {title: Shop, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n"
        + "    Order: {type: object, properties: {id: {type: string}}}\n");
    Run converted = run("convert", spec.toString(), "-o", dir.resolve("out").toString());
    assertThat(converted.exit()).as(converted.err()).isZero();
    assertThat(dir.resolve("shop.rest2grpc-lock.json")).exists();
    assertThat(converted.out()).contains("lock: " + dir.resolve("shop.rest2grpc-lock.json"));

    Path other = write("other.yaml", Files.readString(spec).replace("Shop", "Other"));
    assertThat(run("convert", other.toString(), "-o", dir.resolve("out2").toString(), "--no-lock").exit()).isZero();
    assertThat(dir.resolve("other.rest2grpc-lock.json")).doesNotExist();
  }

  @Test
  void checkExitsThreeOnABreakingChangeAndNamesEachProtoElementInItsJsonReport() throws Exception {
    String v1 = "openapi: 3.0.3\ninfo: {title: Shop, version: 1.0.0}\npaths:\n  /orders/{id}:\n    get:\n      operationId: getOrder\n"
        + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        + "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}\n"
        + "components:\n  schemas:\n    Order:\n      type: object\n      properties:\n        id: {type: string}\n"
        + "        note: {type: string}\n        amount: {type: string}\n";
    Path old = write("v1.yaml", v1);
    Path same = write("same.yaml", v1.replace("note: {type: string}\n        amount", "amount: {type: string}\n        note"));
    Run unchanged = run("check", "--against", old.toString(), same.toString());
    assertThat(unchanged.exit()).as(unchanged.out() + unchanged.err()).isZero();
    assertThat(unchanged.out()).contains("gRPC (package shop.v1): 0 changes").contains("breaking: no");

    Path removed = write("v2.yaml", v1.replace("        note: {type: string}\n", "").replace("amount: {type: string}", "amount: {type: integer}"));
    Path json = dir.resolve("check.json");
    Run broken = run("check", "--against", old.toString(), removed.toString(), "--json", json.toString());
    assertThat(broken.exit()).as(broken.out() + broken.err()).isEqualTo(CheckCommand.BREAKING);
    assertThat(broken.out()).contains("BREAKING PROPERTY_REMOVED").contains("BREAKING FIELD_DELETED shop.v1.Order.note");
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(report.path("breaking").asBoolean()).isTrue();
    assertThat(report.path("proto").findValuesAsText("element")).contains("shop.v1.Order.note", "shop.v1.Order.amount");
    for (var change : report.path("proto")) {
      assertThat(change.path("causes").size()).as("REST causes of %s", change).isPositive();
    }
    assertThat(dir.resolve("v1.rest2grpc-lock.json")).as("check writes no lock").doesNotExist();
  }

  @Test
  void theDefaultTimeoutGoesIntoTheServiceConfigs() throws Exception {
    Path out = dir.resolve("example");
    assertThat(run("convert", "--example", "-o", out.toString(), "--default-timeout", "2m").exit()).isZero();
    assertThat(Files.readString(out.resolve("bookshop/v1/books_service_config.json"))).contains("\"timeout\" : \"120s\"");
  }

  @Test
  void theBundledExampleConvertsAndSaysWhereItWent() {
    Path out = dir.resolve("example");
    Run r = run("convert", "--example", "-o", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("bookshop.yaml -> package bookshop.v1", "wrote " + out);
    assertThat(out.resolve("bookshop/v1/books_service.proto")).exists();
    assertThat(out.resolve("bookshop/v1/books_service_config.json")).exists();
    assertThat(out.resolve("buf.yaml")).exists();
    assertThat(out.resolve("google/api/http.proto")).exists();
    assertThat(out.resolve("rest2grpc-report.json")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid YAML       | bad.yaml   | 'openapi: 3.0.0\\ninfo: [unclosed\\n'                                 | bad.yaml (line
      invalid JSON       | bad.json   | '{"openapi": "3.0.0", "info": }'                                       | bad.json (line 1
      not OpenAPI        | other.yaml | 'name: my-app\\nversion: 2\\n'                                          | not an OpenAPI document
      empty file         | empty.yaml | ''                                                                      | the file is empty
      unresolvable $ref  | ref.yaml   | 'openapi: 3.0.0\\ninfo: {title: t, version: \"1\"}\\npaths:\\n  /a:\\n    get:\\n      responses:\\n        \"200\": {description: ok, content: {application/json: {schema: {$ref: \"#/components/schemas/Missing\"}}}}\\n' | ref.yaml#/paths/~1a/get/responses/200/content/application~1json/schema
      missing file $ref  | ext.yaml   | 'openapi: 3.0.0\\ninfo: {title: t, version: \"1\"}\\npaths:\\n  /a:\\n    get:\\n      responses:\\n        \"200\": {description: ok, content: {application/json: {schema: {$ref: \"models/none.yaml\"}}}}\\n' | ext.yaml#/paths/~1a/get/responses/200/content/application~1json/schema (line 7, column 63): $ref './models/none.yaml' does not resolve: models/none.yaml does not exist
      circular allOf     | loop.yaml  | 'openapi: 3.0.0\\ninfo: {title: t, version: \"1\"}\\npaths: {}\\ncomponents:\\n  schemas:\\n    A: {allOf: [{$ref: \"#/components/schemas/B\"}]}\\n    B: {allOf: [{$ref: \"#/components/schemas/A\"}]}\\n' | circular allOf
      """)
  void badInputExitsOneNamingFileAndPlaceAndWritesNothing(String title, String name, String content, String expected) throws Exception {
    Path spec = write(name, content.replace("\\n", "\n"));
    Path out = dir.resolve("out");
    Run r = run("convert", spec.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err()).contains("error: ").contains(expected);
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithTheFlagThatRaisesIt() throws Exception {
    Path spec = write("big.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\n" + PATHS + "# padding\n".repeat(300));
    Run r = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--max-spec-size", "1KB");
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err()).contains("big.yaml: the file is", "over the size limit of 1.0 KB", "--max-spec-size=");
    assertThat(run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--max-spec-size", "1MB").exit()).isZero();
  }

  @Test
  void aFolderOfSpecsShowsProgressAndWritesOneModuleEach() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    for (String name : new String[] {"a", "b"}) {
      Files.writeString(specs.resolve(name + ".yaml"), "openapi: 3.0.0\ninfo: {title: " + name + ", version: '1'}\n" + PATHS);
    }
    Files.writeString(specs.resolve("notes.yaml"), "just: a fragment\n");
    Run r = run("convert", specs.toString(), "-o", dir.resolve("out").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("[1/2]", "[2/2]");
    assertThat(dir.resolve("out/a/buf.yaml")).exists();
    assertThat(dir.resolve("out/b/buf.yaml")).exists();
  }

  @Test
  void anOutputFolderWithSomeoneElsesFilesIsNotReplaced() throws Exception {
    Path out = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    Run r = run("convert", "--example", "-o", out.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err()).contains("not written by rest2grpc");
    assertThat(out.resolve("keep.txt")).hasContent("mine");
    Path ours = dir.resolve("ours");
    assertThat(run("convert", "--example", "-o", ours.toString()).exit()).isZero();
    assertThat(run("convert", "--example", "-o", ours.toString()).exit()).isZero();
  }

  @Test
  void everyErrorOfASpecIsReportedAtItsOwnLine() throws Exception {
    Path spec = write("five.yaml", """
        openapi: 3.0.3
        info: {title: Five, version: 1.0.0}
        paths:
          /a:
            get: {operationId: getA, x-grpc-streaming: both, responses: {'200': {description: ok}}}
          /b:
            get: {operationId: getB, x-idempotent: maybe, responses: {'200': {description: ok}}}
          /c:
            get: {operationId: getC, x-timeout: soon, responses: {'200': {description: ok}}}
          /d:
            get:
              operationId: getD
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}
        components:
          schemas:
            Broken:
              type: object
              properties:
                other: {$ref: 'models.yaml#/Nothing'}
        """);
    Path out = dir.resolve("out");
    Run r = run("convert", spec.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
        "error: five.yaml#/paths/~1a/get/x-grpc-streaming (line 5, column 30): x-grpc-streaming is 'both'",
        "error: five.yaml#/paths/~1b/get/x-idempotent (line 7, column 30): x-idempotent is 'maybe'",
        "error: five.yaml#/paths/~1c/get/x-timeout (line 9, column 30): x-timeout is 'soon'",
        "error: five.yaml#/paths/~1d/get/responses/200/content/application~1json/schema (line 16, column 40): "
            + "$ref '#/components/schemas/Missing' does not resolve: no schemas component named 'Missing'",
        "error: five.yaml#/components/schemas/Broken/properties/other (line 22, column 9): "
            + "$ref './models.yaml#/Nothing' does not resolve: models.yaml does not exist");
    assertThat(r.err()).contains("  hint: write server, client, bidi or none", "5 errors").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve(ConvertCommand.defaultLockName(spec))).doesNotExist();
  }

  @Test
  void everyProblemOfOneOperationIsReportedNotOnlyItsFirst() throws Exception {
    Path spec = write("parts.yaml", """
        openapi: 3.0.3
        info: {title: Parts, version: 1.0.0}
        paths:
          /orders:
            post:
              operationId: createOrder
              x-timeout: soon
              x-idempotent: maybe
              parameters:
                - {name: q, in: query, schema: {$ref: '#/components/schemas/NoQuery'}}
                - {name: h, in: header, schema: {type: string}}
              requestBody:
                content: {application/json: {schema: {$ref: '#/components/schemas/NoBody'}}}
              responses:
                '201':
                  description: created
                  headers:
                    Location: {$ref: '#/components/headers/NoHeader'}
                  content: {application/json: {schema: {$ref: '#/components/schemas/NoOrder'}}}
          /items:
            get:
              operationId: listItems
              parameters:
                - {$ref: '#/components/parameters/NoLimit'}
                - {$ref: '#/components/parameters/NoCursor'}
              responses: {'200': {description: ok}}
        """);
    Run r = run("convert", spec.toString(), "-o", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    // The parameters are resolved when the RPCs are named, before any operation is converted: listItems' come first.
    assertThat(r.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
        "error: parts.yaml#/paths/~1items/get/parameters/0 (line 24, column 11): "
            + "$ref '#/components/parameters/NoLimit' does not resolve: no parameters component named 'NoLimit'",
        "error: parts.yaml#/paths/~1items/get/parameters/1 (line 25, column 11): "
            + "$ref '#/components/parameters/NoCursor' does not resolve: no parameters component named 'NoCursor'",
        "error: parts.yaml#/paths/~1orders/post/parameters/0/schema (line 10, column 32): "
            + "$ref '#/components/schemas/NoQuery' does not resolve: no schemas component named 'NoQuery'",
        "error: parts.yaml#/paths/~1orders/post/requestBody/content/application~1json/schema (line 13, column 38): "
            + "$ref '#/components/schemas/NoBody' does not resolve: no schemas component named 'NoBody'",
        "error: parts.yaml#/paths/~1orders/post/responses/201/headers/Location (line 18, column 13): "
            + "$ref '#/components/headers/NoHeader' does not resolve: no headers component named 'NoHeader'",
        "error: parts.yaml#/paths/~1orders/post/responses/201/content/application~1json/schema (line 19, column 40): "
            + "$ref '#/components/schemas/NoOrder' does not resolve: no schemas component named 'NoOrder'",
        "error: parts.yaml#/paths/~1orders/post/x-timeout (line 7, column 7): x-timeout is 'soon'",
        "error: parts.yaml#/paths/~1orders/post/x-idempotent (line 8, column 7): x-idempotent is 'maybe'");
    assertThat(r.err()).contains("8 errors");
  }

  @Test
  void everyProblemFoundWhileReadingASpecIsReportedAtOnce() throws Exception {
    Path spec = write("read.yaml", """
        openapi: 3.2.0
        paths:
          /a:
            $ref: 'paths/missing.yaml#/a'
          /b:
            $ref: 'paths.yaml#/nothing'
          /c:
            get:
              $ref: 'paths.yaml#/c/nothing'
        """);
    write("paths.yaml", "c: {}\n");
    Run r = run("convert", spec.toString(), "-o", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
        "error: read.yaml#/openapi (line 1, column 1): unsupported OpenAPI version '3.2.0'",
        "error: read.yaml: not a spec rest2grpc can convert: it has no 'info'",
        "error: read.yaml#/paths/~1a (line 3, column 3): $ref 'paths/missing.yaml#/a' does not resolve: paths/missing.yaml does not exist",
        "error: read.yaml#/paths/~1b (line 5, column 3): $ref 'paths.yaml#/nothing' does not resolve: no '/nothing' in paths.yaml",
        "error: read.yaml#/paths/~1c/get (line 8, column 5): $ref 'paths.yaml#/c/nothing' does not resolve: no '/c/nothing' in paths.yaml");
    assertThat(r.err()).contains("5 errors");
  }

  @Test
  void everyInvalidOverrideIsReportedAtItsLineInItsFile() throws Exception {
    Path spec = write("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n" + PATHS);
    Path overlay = write("fix.overlay.yaml", """
        overlay: 1.0.0
        info: {title: fixes, version: 1}
        actions:
          - target: $.paths['/a'].get
            update: {x-timeout: 5s}
          - target: $.paths['/none'].get
            update: {x-timeout: 5s}
          - target: $.info.title
            update: {x-timeout: 5s}
        """);
    Path config = write("rest2grpc.yaml", """
        overrides:
          /paths/~1a/get: {x-idempotent: true}
          /paths/~1b/get: {x-idempotent: true}
          paths/~1a/get: {x-idempotent: true}
        """);
    Run r = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--overlay", overlay.toString(),
        "--config", config.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
        "error: fix.overlay.yaml#/actions/1 (line 6, column 5): target $.paths['/none'].get matches nothing in the spec",
        "error: fix.overlay.yaml#/actions/2 (line 8, column 5): an update must be an object merged into an object",
        "error: rest2grpc.yaml#/overrides/~1paths~1~01b~1get (line 3, column 3): JSON pointer /paths/~1b/get matches nothing in the spec",
        "error: rest2grpc.yaml#/overrides/paths~1~01a~1get (line 4, column 3): 'paths/~1a/get' is not a JSON pointer");
    assertThat(r.err()).contains("4 errors");
  }

  @Test
  void everyInvalidLockEntryIsReportedWithTheSpecsOwnErrors() throws Exception {
    Path spec = write("shop.yaml", "openapi: 3.0.3\ninfo: {title: Shop, version: '1'}\n"
        + "paths:\n  /a:\n    get: {operationId: getA, x-timeout: soon, responses: {'200': {description: ok}}}\n");
    Path lock = write("shop.lock.json", """
        {
          "rest2grpc-lock": 1,
          "package": "shop.v1",
          "messages": {
            "shop.v1.Order": {
              "source": "shop.yaml#/components/schemas/Order",
              "file": "shop/v1/models.proto",
              "fields": [
                {"number": -1, "name": "id", "json": "id", "type": "string"},
                {"number": 2, "name": "", "json": "total", "type": "int64"}
              ],
              "reserved": []
            }
          },
          "enums": {},
          "rpcs": {"shop.v1.AService.GetA": {"service": "AService"}}
        }
        """);
    Run r = run("convert", spec.toString(), "-o", dir.resolve("out").toString(), "--lock", lock.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
        "error: " + lock + "#/messages/shop.v1.Order/fields/0/number (line 9, column 10): expected a field or enum value number, found -1",
        "error: " + lock + "#/messages/shop.v1.Order/fields/1/name (line 10, column 23): expected a non-empty string \"name\"",
        "error: " + lock + "#/rpcs/shop.v1.AService.GetA (line 16, column 12): expected a non-empty string \"name\"",
        "error: shop.yaml#/paths/~1a/get/x-timeout (line 5, column 30): x-timeout is 'soon'");
    assertThat(r.err()).contains("4 errors");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no info          | 'openapi: 3.0.3\\npaths:\\n  /a:\\n    get: {responses: {\"200\": {description: ok}}}\\n' | it has no 'info'
      no paths         | 'openapi: 3.0.3\\ninfo: {title: t, version: \"1\"}\\n'                                 | it has no operations under 'paths' and no schemas
      nothing in paths | 'openapi: 3.0.3\\ninfo: {title: t, version: \"1\"}\\npaths: {}\\n'                     | it has no operations under 'paths' and no schemas
      """)
  void aDocumentWithNothingToConvertIsAnErrorAndWritesNeitherOutputNorLock(String title, String content, String why) throws Exception {
    Path spec = write("api.yaml", content.replace("\\n", "\n"));
    Path out = dir.resolve("out");
    Run r = run("convert", spec.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err()).contains("error: api.yaml: not a spec rest2grpc can convert: " + why, "  hint: ");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve(ConvertCommand.defaultLockName(spec))).doesNotExist();
  }

  @Command(name = "broken")
  static final class Broken implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("an invariant does not hold");
    }
  }

  @Test
  void anUnexpectedExceptionIsABugToReportNotAUsageError() {
    Run r = run(new Broken());
    assertThat(r.exit()).isEqualTo(Main.CONVERSION_ERRORS);
    assertThat(r.err()).contains("error: rest2grpc failed unexpectedly (java.lang.IllegalStateException: an invariant does not hold)",
        "this is a bug in rest2grpc", "please report it", "\tat ").doesNotContain("Usage:");
  }
}
