package io.rest2grpc.openapi;

/** A problem with the input that stops the conversion: says where, what, and what to do. */
public final class ConversionException extends RuntimeException {
  private final SourceLocation location;
  private final String hint;

  public ConversionException(SourceLocation location, String message, String hint) {
    super(message);
    this.location = location;
    this.hint = hint;
  }

  public SourceLocation location() {
    return location;
  }

  public String hint() {
    return hint;
  }

  /** One line for a terminal: {@code file#pointer: message (hint)}. */
  public String describe() {
    return location + ": " + getMessage() + (hint == null || hint.isEmpty() ? "" : "\n  hint: " + hint);
  }
}
