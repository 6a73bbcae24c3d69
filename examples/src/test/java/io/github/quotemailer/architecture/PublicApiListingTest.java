package io.github.quotemailer.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins each published module's public API to its checked-in listing ({@code <module>/api/<module>
 * .api}, named after the module's directory), so an API change is a visible, reviewed diff rather
 * than an accident.
 */
class PublicApiListingTest {

  /** Rewrites the listings instead of comparing, after an intended API change. */
  static final String UPDATE_PROPERTY = "qm.api.update";

  static final String UPDATE_COMMAND =
      "./mvnw -B test -pl examples -am -Dtest=PublicApiListingTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + UPDATE_PROPERTY
          + "=true";

  private static final List<JavaClass> MAIN_CLASSES =
      List.copyOf(
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .withImportOption(new MainClassesOnly())
              .importPackages("io.github.quotemailer"));

  static Stream<LibraryModule> publishedModules() {
    return Stream.of(LibraryModule.values()).filter(LibraryModule::published);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedModules")
  void publicApiMatchesTheCheckedInListing(LibraryModule module) throws IOException {
    String live = listingOf(module);
    Path file = listingFile(module);

    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, live, StandardCharsets.UTF_8);
      return;
    }
    String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (!checkedIn.equals(live)) {
      fail(
          "The public API of "
              + module.artifactId()
              + " differs from "
              + repositoryRoot().relativize(file)
              + " (- listed, + live):\n"
              + LineDiff.of(LineDiff.lines(checkedIn), LineDiff.lines(live))
              + "\nIf the change is intended, rewrite the listings and commit them:\n  "
              + UPDATE_COMMAND
              + "\n");
    }
  }

  private static String listingOf(LibraryModule module) {
    List<Class<?>> classes = new ArrayList<>();
    for (JavaClass javaClass : MAIN_CLASSES) {
      if (LibraryModule.owning(javaClass).orElse(null) == module
          && !javaClass.getSimpleName().equals("package-info")) {
        classes.add(load(javaClass.getName()));
      }
    }
    String api = PublicApiListing.of(classes);
    // An empty listing would mean the module's classes were not found, not that it has no API.
    assertThat(api).as("public API found for %s", module.artifactId()).isNotBlank();
    return "# Public API of "
        + module.artifactId()
        + ": public and protected types outside internal packages, with their public and"
        + " protected members.\n"
        + "# Checked by "
        + PublicApiListingTest.class.getName()
        + "; after an intended change, rewrite with:\n"
        + "# "
        + UPDATE_COMMAND
        + "\n\n"
        + api;
  }

  private static Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, false, PublicApiListingTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(binaryName + " was imported but cannot be loaded", e);
    }
  }

  private static Path listingFile(LibraryModule module) {
    return repositoryRoot()
        .resolve(module.directory())
        .resolve("api")
        .resolve(module.directory() + ".api");
  }

  /** The directory holding the root pom; tests run from {@code examples/}. */
  private static Path repositoryRoot() {
    Path examples = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path root = examples.toAbsolutePath().getParent();
    assertThat(root.resolve("mail-core").resolve("pom.xml"))
        .as("repository root next to the examples module")
        .exists();
    return root;
  }
}
