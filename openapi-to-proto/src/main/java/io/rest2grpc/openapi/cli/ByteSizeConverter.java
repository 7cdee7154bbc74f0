package io.rest2grpc.openapi.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads sizes such as {@code 64MB}, {@code 512k} or {@code 1048576} (bytes) for size options. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+)\\s*(b|kb|k|mb|m|gb|g)?\\s*");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("a size such as 64MB, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit.charAt(0)) {
      case 'k' -> n << 10;
      case 'm' -> n << 20;
      case 'g' -> n << 30;
      default -> n;
    };
  }
}
