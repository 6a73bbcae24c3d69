package io.github.quotemailer.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Maven modules whose classes the architecture tests see, each found by where its classes come
 * from ({@code <module>/target/classes} or the module's jar), not by package: every module shares
 * the {@code io.github.quotemailer} prefix, so only the location says who owns a class.
 */
enum LibraryModule {
  MAIL_CORE("mail-core", true),
  QUOTE_JSON("quote-json", true),
  PERSISTENCE_JDBC("persistence-jdbc", true),
  OAUTH2_HTTP("oauth2-http", "oauth2-http", true),
  PDF_QUOTES("pdf-quotes", true),
  EXAMPLES("examples", false);

  private final String directory;
  private final String artifactId;
  private final boolean published;
  private final Pattern jarName;

  LibraryModule(String directory, boolean published) {
    this(directory, directory, published);
  }

  LibraryModule(String directory, String artifactId, boolean published) {
    this.directory = directory;
    this.artifactId = artifactId;
    this.published = published;
    // mail-core-0.1.0-SNAPSHOT.jar, but not mail-core-0.1.0-SNAPSHOT-tests.jar.
    this.jarName = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/]*(?<!-tests)\\.jar");
  }

  /** The module's directory under the repository root, which holds its {@code api/} listing. */
  String directory() {
    return directory;
  }

  /** The Maven artifact id, which names the module's jar. */
  String artifactId() {
    return artifactId;
  }

  /** Whether hosts depend on this module, so its public API is pinned by a listing. */
  boolean published() {
    return published;
  }

  /** Matches the classes this module owns. */
  DescribedPredicate<JavaClass> classes() {
    return DescribedPredicate.describe(artifactId, c -> owning(c).orElse(null) == this);
  }

  /** The module whose main classes hold {@code javaClass}, if it is one of ours. */
  static Optional<LibraryModule> owning(JavaClass javaClass) {
    return javaClass.getSource().map(Source::getUri).flatMap(LibraryModule::owning);
  }

  private static Optional<LibraryModule> owning(URI classFile) {
    String uri = classFile.toString();
    if (uri.startsWith("jar:")) {
      String jar = uri.substring(0, uri.indexOf("!/"));
      String jarFileName = jar.substring(jar.lastIndexOf('/') + 1);
      return Arrays.stream(values())
          .filter(m -> m.jarName.matcher(jarFileName).matches())
          .findFirst();
    }
    int classes = uri.indexOf("/target/classes/");
    if (classes < 0) {
      return Optional.empty();
    }
    String moduleDir = uri.substring(0, classes);
    String dirName = moduleDir.substring(moduleDir.lastIndexOf('/') + 1);
    return Arrays.stream(values()).filter(m -> m.directory.equals(dirName)).findFirst();
  }
}
