package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in multipart bodies are FilePart fields; encoding.contentType is part_content_type (module README, "Services and RPCs"). */
class MultipartMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Shop, version: 1.0.0}
      paths:
        /uploads:
          post:
            operationId: createUpload
            requestBody:
              required: true
              content:
                multipart/form-data:
                  schema:
                    type: object
                    required: [file]
                    properties:
                      file: {type: string, format: binary}
                      pages: {type: array, items: {type: string, format: binary}}
                      thumbnail: {type: string, contentMediaType: image/png}
                      signature: {type: string, contentEncoding: base64}
                      meta: {type: object, properties: {title: {type: string}}}
                      note: {type: string}
                  encoding:
                    file: {contentType: 'image/png, image/jpeg'}
                    pages: {contentType: application/octet-stream}
                    meta: {contentType: application/json}
                    note: {contentType: text/markdown}
            responses: {'201': {description: stored}}
        /notes:
          post:
            operationId: createNote
            requestBody:
              content:
                application/json:
                  schema: {type: object, properties: {blob: {type: string, format: binary}}}
            responses: {'201': {description: stored}}
      """;

  private static Descriptor message(Map<String, FileDescriptor> files, String name) {
    return files.values().stream().map(f -> f.findMessageTypeByName(name)).filter(m -> m != null).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + name));
  }

  private static RestField rest(Descriptor message, String field) {
    return message.findFieldByName(field).getOptions().getExtension(OptionsProto.field);
  }

  @Test
  void filesArePartsAndEncodingContentTypesArePartContentTypes() {
    Conversion c = convert(dir, SPEC);
    assertThat(protoText(c)).contains("""
        message CreateUploadBody {
          rest2grpc.multipart.v1.FilePart file = 1 [(google.api.field_behavior) = REQUIRED];
          repeated rest2grpc.multipart.v1.FilePart pages = 2;
          rest2grpc.multipart.v1.FilePart thumbnail = 3;
          rest2grpc.multipart.v1.FilePart signature = 4;
          CreateUploadBodyMeta meta = 5;
          string note = 6;
        }""", "message CreateNoteBody {\n  bytes blob = 1;\n}");
    assertThat(c.report().countsByCategory()).containsEntry(Category.FILE_PART, 4).containsEntry(Category.MULTIPART_BODY, 1);

    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    Descriptor body = message(files, "CreateUploadBody");
    assertThat(body.getFile().getDependencies()).extracting(FileDescriptor::getName).contains("rest2grpc/multipart/v1/file_part.proto");
    assertThat(rest(body, "file").getPartContentType()).isEqualTo("image/png, image/jpeg");
    assertThat(rest(body, "file").getFormatName()).as("a FilePart has no string format").isEmpty();
    assertThat(rest(body, "pages").getPartContentType()).as("the default for a file").isEmpty();
    assertThat(rest(body, "meta").getPartContentType()).as("the default for an object").isEmpty();
    assertThat(rest(body, "note").getPartContentType()).isEqualTo("text/markdown");
    assertThat(rest(message(files, "CreateNoteBody"), "blob").getFormatName()).as("JSON bodies keep bytes").isEqualTo("binary");
    assertThat(DescriptorBuilder.build(c)).as("built in memory, without protoc").hasSameSizeAs(c.files());
  }
}
