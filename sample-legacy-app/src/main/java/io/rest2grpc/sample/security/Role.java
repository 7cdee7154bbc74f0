package io.rest2grpc.sample.security;

/** Role names used in {@link RequiresRole} and in the token configuration. */
public final class Role {

  public static final String READER = "reader";
  public static final String WRITER = "writer";
  public static final String ADMIN = "admin";

  private Role() {}
}
