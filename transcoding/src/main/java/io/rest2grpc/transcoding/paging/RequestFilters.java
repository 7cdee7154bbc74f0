package io.rest2grpc.transcoding.paging;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Hashes what a list request asks for apart from its paging, so a page token minted for one list
 * is refused on another (AIP-158: any argument other than page_size that differs from the first
 * call is INVALID_ARGUMENT).
 *
 * <p>The hash is SHA-256 over the request's full type name and its deterministic serialization
 * with {@code page_token} and {@code page_size} cleared, plus any field the caller names, truncated
 * to {@link FiltersHash#LENGTH} bytes. Fields are written in number order and map entries in key
 * order (deterministic serialization, after {@code SortedMaps} for {@code DynamicMessage}), so the
 * hash does not depend on the order fields or map entries were set in, and a generated message and
 * a {@code DynamicMessage} of the same type and content hash alike. The type name keeps a token
 * of one list from continuing another whose request has the same fields. Every party that mints or
 * decodes a list's tokens must use the same descriptor of its request type: a field one of them
 * does not know is serialized as an unknown field, after the others.
 */
public final class RequestFilters {
  /** The AIP-158 fields that may change from one page to the next. */
  public static final List<String> PAGING_FIELDS = List.of("page_token", "page_size");

  private RequestFilters() {}

  /**
   * The hash of the request's filters: every field but {@link #PAGING_FIELDS} (when the request has
   * them) and {@code alsoIgnored} (proto field names that must exist, e.g. AIP-158's {@code skip}).
   */
  public static FiltersHash hash(Message request, String... alsoIgnored) {
    Descriptor type = request.getDescriptorForType();
    Message.Builder filters = request.toBuilder();
    for (String name : PAGING_FIELDS) {
      FieldDescriptor field = type.findFieldByName(name);
      if (field != null) {
        filters.clearField(field);
      }
    }
    for (String name : alsoIgnored) {
      FieldDescriptor field = type.findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException(type.getFullName() + " has no field '" + name
            + "' to leave out of the filters hash; name a field of the request by its proto name");
      }
      filters.clearField(field);
    }
    MessageDigest sha256 = sha256();
    sha256.update(type.getFullName().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(deterministicBytes(SortedMaps.sort(filters.buildPartial())));
    return new FiltersHash(ByteString.copyFrom(sha256.digest(), 0, FiltersHash.LENGTH));
  }

  private static byte[] deterministicBytes(Message message) {
    byte[] bytes = new byte[message.getSerializedSize()];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.useDeterministicSerialization();
    try {
      message.writeTo(out);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing into an array of the computed size does not fail
    }
    return bytes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
