package io.rest2grpc.sample.support;

/**
 * Bearer tokens of the contract suite, by role. The defaults are the ones configured in the app's
 * application.yml; another target can pass its own with -Dcontract.token.admin=… (and so on).
 */
public final class Tokens {

  public static final String ADMIN = token("admin", "sample-admin-token");
  public static final String WRITER = token("writer", "sample-writer-token");
  public static final String READER = token("reader", "sample-reader-token");
  /** Allowed 3 requests per minute. */
  public static final String LIMITED = token("limited", "sample-limited-token");

  private Tokens() {}

  private static String token(String role, String fallback) {
    return System.getProperty("contract.token." + role, fallback);
  }
}
