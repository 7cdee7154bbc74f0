package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 15 §2, "Options hoisted", on one converted spec. Proof: every RPC's effective option, read
 * from the compiled descriptor set through transcoding's {@link EffectiveOptions}, equals the option
 * the converter's model holds for it before anything is written once (its own, under the spec's root
 * security, which the model keeps on the service). Figures: the errors and security requirements
 * written on RPCs and services, and the lines of the method and service options printed in
 * multi-line text format (two more for the option's first and last line), before (each RPC writing
 * its whole option) and after.
 */
record OptionsWrittenOnce(int errorsBefore, int errorsAfter, int securityBefore, int securityAfter, long linesBefore,
    long linesAfter) {
  static final OptionsWrittenOnce NONE = new OptionsWrittenOnce(0, 0, 0, 0, 0, 0);
  private static final TextFormat.Printer TEXT = TextFormat.printer().escapingNonAscii(false);

  static OptionsWrittenOnce of(Conversion conversion, Map<String, FileDescriptor> compiled, String name) {
    OptionsWrittenOnce sum = NONE;
    for (ProtoFile file : conversion.files()) {
      FileDescriptor compiledFile = compiled.get(file.path());
      RestFile fileOption = compiledFile.getOptions().getExtension(OptionsProto.file);
      for (ProtoService service : file.services()) {
        ServiceDescriptor written = compiledFile.findServiceByName(service.name());
        RestService writtenService = written.getOptions().getExtension(OptionsProto.service);
        sum = sum.plus(new OptionsWrittenOnce(0, writtenService.getErrorsCount(), service.options().getSecurityCount(),
            writtenService.getSecurityCount(), lines(service.options()), lines(writtenService)));
        for (ProtoRpc rpc : service.rpcs()) {
          RestMethod model = EffectiveOptions.of(rpc.options().option(), service.options(), RestFile.getDefaultInstance());
          MethodDescriptor method = written.findMethodByName(rpc.name());
          assertThat(EffectiveOptions.of(method)).as("%s: %s reads back as the converter's model has it", name, method.getFullName())
              .isEqualTo(model);
          RestMethod writtenMethod = method.getOptions().getExtension(OptionsProto.method);
          RestMethod whole = withoutFileBody(rpc.options().option(), fileOption);
          sum = sum.plus(new OptionsWrittenOnce(whole.getErrorsCount(), writtenMethod.getErrorsCount(), whole.getSecurityCount(),
              writtenMethod.getSecurityCount(), lines(whole), lines(writtenMethod)));
        }
      }
    }
    return sum;
  }

  OptionsWrittenOnce plus(OptionsWrittenOnce o) {
    return new OptionsWrittenOnce(errorsBefore + o.errorsBefore, errorsAfter + o.errorsAfter, securityBefore + o.securityBefore,
        securityAfter + o.securityAfter, linesBefore + o.linesBefore, linesAfter + o.linesAfter);
  }

  String row() {
    return String.format(Locale.ROOT, "errors %6d -> %5d  security %5d -> %4d  option lines %7d -> %7d (%s)", errorsBefore,
        errorsAfter, securityBefore, securityAfter, linesBefore, linesAfter,
        linesBefore == 0 ? "-" : String.format(Locale.ROOT, "-%.1f%%", 100.0 * (linesBefore - linesAfter) / linesBefore));
  }

  /** The method option as written before options were written once: only the file's error body left out. */
  private static RestMethod withoutFileBody(RestMethod option, RestFile file) {
    if (!file.hasErrorBody()) {
      return option;
    }
    RestMethod.Builder b = option.toBuilder().clearErrors();
    for (RestError error : option.getErrorsList()) {
      b.addErrors(error.getBody().equals(file.getErrorBody()) ? error.toBuilder().clearBody().build() : error);
    }
    return b.build();
  }

  private static long lines(Message option) {
    return option.equals(option.getDefaultInstanceForType()) ? 0 : TEXT.printToString(option).lines().count() + 2;
  }
}
