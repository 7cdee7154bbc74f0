package io.rest2grpc.openapi.review;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.openapi.review.Verbs.Standard;
import io.rest2grpc.options.v1.OptionsProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a gRPC reviewer would object to in one converted spec, computed from the compiled
 * descriptor set and the written .proto files only, never from the converter's decisions (issue
 * 15). Each list holds one entry per finding, naming the element; the definitions are in the
 * classes that compute them and in the module README, "Review figures".
 *
 * @param rpcs the RPCs of the spec's services
 * @param stutters RPC names repeating their service's name or a shared operationId namespace ({@link Stutter})
 * @param standardNames RPCs with an AIP-131..135 name ({@link Standard#ofName})
 * @param verbDisagrees standard names whose operationId's verb ({@link Verbs#of}) does not agree: {@code UpdateX(attachX)}
 * @param unjudged RPCs whose option records no operationId, or one without a verb {@link Verbs} knows: not judged by the
 *     two verb figures
 * @param missedStandard RPCs of a standard shape ({@link StandardShape}) whose operationId verb agrees, without that standard name
 * @param sameNameRpcs RPC names used twice in one service (protoc refuses them: always empty)
 * @param messages duplicate messages ({@link Shapes})
 * @param enums duplicate enums ({@link Shapes})
 * @param selfTypedMembers oneof members typed as the message that holds the oneof
 * @param pageTokenN fields named {@code …page_token_<n>}
 * @param longLines lines of the written .proto files over {@value #MAX_LINE} characters, comments aside: {@code file:line (length)}
 * @param packages the proto packages of the written files
 * @param valueNEnums integer enums with values named {@code …_VALUE_<n>} (the spec gave no names)
 * @param valueNValues their values so named
 */
public record Review(int rpcs, List<String> stutters, int standardNames, List<String> verbDisagrees, int unjudged,
    List<String> missedStandard, List<String> sameNameRpcs, Shapes.Count messages, Shapes.Count enums, List<String> selfTypedMembers,
    List<String> pageTokenN, List<String> longLines, Set<String> packages, List<String> valueNEnums, int valueNValues) {

  static final int MAX_LINE = 200;
  private static final Pattern PAGE_TOKEN_N = Pattern.compile("(.*_)?page_token_\\d+");
  private static final Pattern VALUE_N = Pattern.compile(".*_VALUE_\\d+");

  private static final int EXAMPLES = 3;

  /**
   * The spec's row of the corpus section: the counts, then a line per figure that found something,
   * with its first findings.
   */
  public String row() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
        "%5d RPCs stutter %3d %5.1f%%  verb≠ %3d/%4d  missed %3d  unjudged %4d  dup msg %4d/%5d %5.1f%%  dup enum %3d/%4d %5.1f%%"
            + "  self %2d  token_N %2d  >200 %5d  VALUE_n %3d  package %s",
        rpcs, stutters.size(), percent(stutters.size(), rpcs), verbDisagrees.size(), standardNames, missedStandard.size(),
        unjudged, messages.duplicates(), messages.of(), messages.percent(), enums.duplicates(), enums.of(),
        enums.percent(), selfTypedMembers.size(), pageTokenN.size(), longLines.size(), valueNEnums.size(), String.join(" ", packages)));
    examples(row, "stutter", stutters);
    examples(row, "verb≠", verbDisagrees);
    examples(row, "missed standard name", missedStandard);
    examples(row, "same name", sameNameRpcs);
    examples(row, "dup messages", messages.examples());
    examples(row, "dup enums", enums.examples());
    examples(row, "self-typed member", selfTypedMembers);
    examples(row, "page_token_N", pageTokenN);
    examples(row, "line >" + MAX_LINE, longLines);
    examples(row, "VALUE_n", valueNEnums);
    return row.toString();
  }

  /** Every finding of every figure, one per line after its figure's name: the file CorpusTest writes beside each spec's output. */
  public String findings() {
    StringBuilder all = new StringBuilder();
    Map.of("stutter", stutters, "verb≠", verbDisagrees, "missed standard name", missedStandard, "dup messages", messages.examples(),
        "line >" + MAX_LINE, longLines, "VALUE_n", valueNEnums).entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(figure -> figure.getValue().forEach(f -> all.append(figure.getKey()).append('\t').append(f).append('\n')));
    return all.toString();
  }

  private static void examples(StringBuilder row, String figure, List<String> findings) {
    if (!findings.isEmpty()) {
      row.append("\n    ").append(figure).append(": ").append(String.join(", ", findings.subList(0, Math.min(EXAMPLES, findings.size()))))
          .append(findings.size() > EXAMPLES ? ", …" : "");
    }
  }

  static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** The files the converter wrote: not the vendored googleapis and rest2grpc protos. */
  static boolean written(FileDescriptor file) {
    return !file.getName().startsWith("google/") && !file.getName().startsWith("rest2grpc/");
  }

  /** Reviews the compiled descriptor set of a module whose .proto files are under {@code module}. */
  public static Review of(Map<String, FileDescriptor> compiled, Path module) {
    List<FileDescriptor> files = compiled.values().stream().filter(Review::written).toList();
    List<ServiceDescriptor> services = files.stream().flatMap(f -> f.getServices().stream()).toList();
    List<Descriptor> messages = new ArrayList<>();
    List<EnumDescriptor> enums = new ArrayList<>();
    for (FileDescriptor file : files) {
      enums.addAll(file.getEnumTypes());
      file.getMessageTypes().forEach(m -> collect(m, messages, enums));
    }
    Set<List<String>> nouns = new HashSet<>();
    messages.forEach(m -> nouns.add(Words.of(m.getName())));
    Names names = names(services, nouns);
    List<String> selfTyped = new ArrayList<>();
    List<String> pageTokenN = new ArrayList<>();
    for (Descriptor message : messages) {
      for (FieldDescriptor field : message.getFields()) {
        if (field.getRealContainingOneof() != null && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && field.getMessageType().equals(message)) {
          selfTyped.add(message.getName() + "." + field.getName());
        }
        if (PAGE_TOKEN_N.matcher(field.getName()).matches()) {
          pageTokenN.add(message.getName() + "." + field.getName());
        }
      }
    }
    List<String> valueNEnums = new ArrayList<>();
    int valueNValues = 0;
    for (EnumDescriptor e : enums) {
      if (e.getOptions().getExtension(OptionsProto.enumType).getIntegerValues()) {
        long named = e.getValues().stream().filter(v -> VALUE_N.matcher(v.getName()).matches()).count();
        if (named > 0) {
          valueNEnums.add(e.getName());
          valueNValues += (int) named;
        }
      }
    }
    Set<String> packages = new TreeSet<>();
    files.forEach(f -> packages.add(f.getPackage()));
    return new Review(names.rpcs, names.stutters, names.standardNames, names.verbDisagrees, names.unjudged,
        names.missedStandard, names.sameName, Shapes.messages(messages), Shapes.enums(enums), selfTyped, pageTokenN,
        longLines(files, module), packages, valueNEnums, valueNValues);
  }

  private static void collect(Descriptor message, List<Descriptor> messages, List<EnumDescriptor> enums) {
    messages.add(message);
    enums.addAll(message.getEnumTypes());
    message.getNestedTypes().forEach(m -> collect(m, messages, enums));
  }

  private record Names(int rpcs, List<String> stutters, int standardNames, List<String> verbDisagrees, int unjudged,
      List<String> missedStandard, List<String> sameName) {}

  /** @param nouns the words of the package's message names ({@link Stutter#repeats(String, java.util.Collection, Set)}) */
  private static Names names(List<ServiceDescriptor> services, Set<List<String>> nouns) {
    List<String> allIds = services.stream().flatMap(s -> s.getMethods().stream()).map(Review::operationId).flatMap(Optional::stream).toList();
    Set<List<String>> specNamespaces = Stutter.shared(allIds);
    Set<String> readable = new HashSet<>();
    services.stream().flatMap(s -> s.getMethods().stream()).map(StandardShape.Route::of).filter(r -> r.method().equals("GET"))
        .forEach(r -> readable.add(r.template()));
    int rpcs = 0;
    int standardNames = 0;
    int unjudged = 0;
    List<String> stutters = new ArrayList<>();
    List<String> disagrees = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<String> sameName = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      List<String> ids = service.getMethods().stream().map(Review::operationId).flatMap(Optional::stream).toList();
      Set<List<String>> stems = new LinkedHashSet<>();
      stems.add(Stutter.serviceStem(service.getName()));
      stems.addAll(Stutter.shared(ids));
      stems.addAll(specNamespaces);
      Set<String> seen = new HashSet<>();
      for (MethodDescriptor method : service.getMethods()) {
        rpcs++;
        String rpc = method.getName();
        if (!seen.add(rpc)) {
          sameName.add(service.getName() + "." + rpc);
        }
        if (Stutter.repeats(rpc, stems, nouns)) {
          stutters.add(service.getName() + "." + rpc);
        }
        Optional<Standard> named = Standard.ofName(rpc);
        standardNames += named.isPresent() ? 1 : 0;
        Optional<String> id = operationId(method);
        Optional<String> known = id.flatMap(i -> Verbs.of(i, StandardShape.Route.of(method).path()));
        if (known.isEmpty()) {
          unjudged++;
          continue;
        }
        String verb = known.get();
        if (named.isPresent() && !named.get().agrees(verb)) {
          disagrees.add(rpc + "(" + id.get() + ")");
        }
        Optional<Standard> shape = StandardShape.of(method, readable);
        if (shape.isPresent() && shape.get().agrees(verb) && !named.equals(shape)) {
          missed.add(rpc + "(" + id.get() + ", " + shape.get().prefix + ")");
        }
      }
    }
    return new Names(rpcs, stutters, standardNames, disagrees, unjudged, missed, sameName);
  }

  private static Optional<String> operationId(MethodDescriptor method) {
    String id = method.getOptions().getExtension(OptionsProto.method).getOperationId();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  private static List<String> longLines(List<FileDescriptor> files, Path module) {
    List<String> found = new ArrayList<>();
    for (FileDescriptor file : files) {
      Path proto = module.resolve(file.getName());
      try {
        List<String> lines = Files.readAllLines(proto, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.length() > MAX_LINE && !line.strip().startsWith("//")) {
            found.add(String.format(Locale.ROOT, "%s:%d (%d)", file.getName(), i + 1, line.length()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + proto + ", the written source of " + file.getName()
            + ": review a module whose .proto files are under the folder given", e);
      }
    }
    return found;
  }
}
