package io.rest2grpc.transcoding.structure;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The runtime library's packages (json, http, errors, paging, equivalence) never depend on each other in a cycle. */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.rest2grpc.transcoding.(*)..").should().beFreeOfCycles()
        .check(new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rest2grpc.transcoding"));
  }
}
