package io.rest2grpc.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.StructProto;
import com.google.rpc.CodeProto;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorSetsTest {
  @TempDir Path dir;

  private static FileDescriptorProto shopFile() {
    FieldOptions dateOptions = FieldOptions.newBuilder()
        .setExtension(OptionsProto.field, RestField.newBuilder().setFormat(Format.FORMAT_DATE).setFormatName("date").build())
        .build();
    return FileDescriptorProto.newBuilder()
        .setName("shop/v1/models.proto")
        .setPackage("shop.v1")
        .setSyntax("proto3")
        .addDependency(RestOptions.PROTO_PATH)
        .addMessageType(DescriptorProto.newBuilder().setName("Order")
            .addField(FieldDescriptorProto.newBuilder().setName("delivery_date").setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .setOptions(dateOptions)))
        .build();
  }

  @Test
  void readsTheRestOptionsOfACompiledSet() throws Exception {
    FileDescriptorSet set = FileDescriptorSet.newBuilder()
        .addFile(DescriptorProtos.getDescriptor().toProto())
        .addFile(StructProto.getDescriptor().toProto())
        .addFile(CodeProto.getDescriptor().toProto())
        .addFile(OptionsProto.getDescriptor().toProto())
        .addFile(shopFile())
        .build();
    Path file = dir.resolve("shop.pb");
    Files.write(file, set.toByteArray());

    Map<String, FileDescriptor> files = DescriptorSets.load(file);

    FieldDescriptor field = files.get("shop/v1/models.proto").findMessageTypeByName("Order").findFieldByName("delivery_date");
    RestField options = field.getOptions().getExtension(OptionsProto.field);
    assertThat(options.getFormat()).isEqualTo(Format.FORMAT_DATE);
    assertThat(options.getFormatName()).isEqualTo("date");
  }

  @Test
  void aSetWithoutTheOptionsFileSaysHowToCompileIt() throws Exception {
    Path file = dir.resolve("partial.pb");
    Files.write(file, FileDescriptorSet.newBuilder().addFile(shopFile()).build().toByteArray());
    assertThatThrownBy(() -> DescriptorSets.load(file))
        .isInstanceOf(DescriptorSets.InvalidDescriptorSetException.class)
        .hasMessageContaining("lacks rest2grpc/options/v1/options.proto")
        .hasMessageContaining("--include_imports");
  }

  @Test
  void aFileThatIsNotADescriptorSetIsNamed() throws Exception {
    Path file = dir.resolve("junk.pb");
    Files.write(file, new byte[] {(byte) 0xff, 0x01, 0x02});
    assertThatThrownBy(() -> DescriptorSets.load(file))
        .isInstanceOf(DescriptorSets.InvalidDescriptorSetException.class)
        .hasMessageContaining("junk.pb is not a FileDescriptorSet");
  }
}
