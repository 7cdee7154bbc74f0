package io.rest2grpc.openapi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code buf breaking} (the rules of the module's buf.yaml: WIRE_JSON and PACKAGE), each finding with
 * the proto element it names, read from its message: {@code Field "3" with name "note" on message
 * "Order"} is {@code pkg.Order.note}, number 3.
 */
public final class BufBreaking {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIELD = Pattern.compile("[Ff]ield \"(\\d+)\" with name \"([^\"]+)\" on message \"([^\"]+)\"");
  private static final Pattern ENUM_VALUE = Pattern.compile("[Ee]num value \"(-?\\d+)\"(?: with name \"[^\"]+\")? on enum \"([^\"]+)\"");
  private static final Pattern RPC = Pattern.compile("RPC \"([^\"]+)\" on service \"([^\"]+)\"");
  private static final Pattern TYPE = Pattern.compile("(?:message|enum|service) \"([^\"]+)\" was deleted from package");

  private BufBreaking() {}

  public record Finding(String rule, String element, Integer number, String message) {}

  public static List<Finding> run(Path module, Path against, String pkg) {
    Tools.Result result = Tools.run(module, List.of(Tools.bufBinary().toString(), "breaking", module.toString(), "--against",
        against.toString(), "--error-format=json"));
    List<Finding> findings = new ArrayList<>();
    for (String line : result.output().split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        findings.add(finding(node.path("type").asText(), node.path("message").asText(), pkg));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (findings.isEmpty() && !result.ok()) {
      throw new IllegalStateException("buf breaking failed:\n" + result.output());
    }
    return findings;
  }

  static Finding finding(String rule, String message, String pkg) {
    Matcher m;
    if ((m = FIELD.matcher(message)).find()) {
      return new Finding(rule, pkg + "." + m.group(3) + "." + m.group(2), Integer.parseInt(m.group(1)), message);
    }
    if ((m = ENUM_VALUE.matcher(message)).find()) {
      return new Finding(rule, pkg + "." + m.group(2), Integer.parseInt(m.group(1)), message);
    }
    if ((m = RPC.matcher(message)).find()) {
      return new Finding(rule, pkg + "." + m.group(2) + "." + m.group(1), null, message);
    }
    if ((m = TYPE.matcher(message)).find()) {
      return new Finding(rule, pkg + "." + m.group(1), null, message);
    }
    throw new IllegalArgumentException("a buf finding this test cannot read (add its pattern): " + rule + ": " + message);
  }
}
