package it.shop;

/** A refusal whose HTTP status the shop decides when it happens: the advice reads it at run time. */
public class ShopException extends RuntimeException {
  private final int status;
  private final String code;

  public ShopException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
