package io.github.quotemailer.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out test jars such as mail-core's {@code -tests.jar}, which {@link
 * ImportOption.DoNotIncludeTests} does not recognise: after {@code package} the build puts that
 * jar, not {@code target/test-classes}, on the class path.
 */
final class MainClassesOnly implements ImportOption {

  @Override
  public boolean includes(Location location) {
    return !location.contains("-tests.jar!/");
  }
}
