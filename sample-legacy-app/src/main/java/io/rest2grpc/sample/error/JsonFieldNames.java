package io.rest2grpc.sample.error;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a Java property path from Bean Validation ("total.amountCents") into the JSON one ("total.amount_cents"). */
public final class JsonFieldNames {

  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private JsonFieldNames() {}

  public static String of(String javaPath) {
    Matcher matcher = PROPERTY.matcher(javaPath);
    StringBuilder json = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(json, SNAKE_CASE.translate(matcher.group()));
    }
    matcher.appendTail(json);
    return json.toString();
  }
}
