package io.github.quotemailer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The module boundaries, checked on the main classes of every module: hosts and sibling modules use
 * only public packages, the public API never leaks an internal type, mail-core stays free of
 * database, PDF and JSON libraries, and dependencies point inward to mail-core.
 */
@AnalyzeClasses(
    packages = "io.github.quotemailer",
    importOptions = {ImportOption.DoNotIncludeTests.class, MainClassesOnly.class})
class ArchitectureRulesTest {

  /** Guards every rule below: an import that found nothing would let them all pass. */
  @ArchTest
  static void theImportHoldsTheMainClassesOfEveryModule(JavaClasses classes) {
    for (LibraryModule module : LibraryModule.values()) {
      assertThat(classes.stream().filter(c -> LibraryModule.owning(c).orElse(null) == module))
          .as("main classes of %s", module.artifactId())
          .isNotEmpty();
    }
    assertThat(classes.stream().filter(ArchitectureRulesTest::isInternal))
        .as("internal classes, so the rules about them check something")
        .isNotEmpty();
  }

  @ArchTest
  static final ArchRule noModuleUsesAnotherModulesInternals =
      classes()
          .that(belongToAModule())
          .should(useNoInternalClassOfAnotherModule())
          .because("an internal package may change in any release; only its own module uses it");

  @ArchTest
  static final ArchRule publicSignaturesMentionNoInternalType =
      classes()
          .that(areVisibleToHosts())
          .should(exposeNoInternalTypeInTheirSignatures())
          .because("a host that sees an internal type in the API comes to depend on it");

  @ArchTest
  static final ArchRule mailCoreNeedsNoDatabasePdfOrJsonLibrary =
      noClasses()
          .that(LibraryModule.MAIL_CORE.classes())
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.jdbi..",
              "org.flywaydb..",
              "org.postgresql..",
              "org.mariadb..",
              "org.h2..",
              "org.sqlite..",
              "com.zaxxer.hikari..",
              // OpenPDF 2.x still ships its classes under com.lowagie.
              "com.lowagie..",
              "org.openpdf..",
              "com.fasterxml..")
          .because(
              "hosts embed mail-core alone and pass their own java.sql.Connection; storage, PDF"
                  + " and JSON (quotes, token endpoint answers) live in their own modules");

  @ArchTest
  static final ArchRule moduleDependenciesPointInwardToMailCore =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("mail-core")
          .definedBy(LibraryModule.MAIL_CORE.classes())
          .layer("quote-json")
          .definedBy(LibraryModule.QUOTE_JSON.classes())
          .layer("persistence-jdbc")
          .definedBy(LibraryModule.PERSISTENCE_JDBC.classes())
          .layer("oauth2-http")
          .definedBy(LibraryModule.OAUTH2_HTTP.classes())
          .layer("pdf-quotes")
          .definedBy(LibraryModule.PDF_QUOTES.classes())
          .layer("examples")
          .definedBy(LibraryModule.EXAMPLES.classes())
          .whereLayer("mail-core")
          .mayNotAccessAnyLayer()
          .whereLayer("quote-json")
          .mayOnlyAccessLayers("mail-core")
          .whereLayer("persistence-jdbc")
          // Queued quotes are stored in the quote JSON format, which has one home.
          .mayOnlyAccessLayers("mail-core", "quote-json")
          .whereLayer("oauth2-http")
          .mayOnlyAccessLayers("mail-core")
          .whereLayer("pdf-quotes")
          .mayOnlyAccessLayers("mail-core")
          .whereLayer("examples")
          .mayNotBeAccessedByAnyLayer()
          .because(
              "mail-core is the centre; adapters depend on it alone and only the examples"
                  + " wire everything together");

  private static DescribedPredicate<JavaClass> belongToAModule() {
    return DescribedPredicate.describe(
        "belong to a QuoteMailer module", c -> LibraryModule.owning(c).isPresent());
  }

  private static DescribedPredicate<JavaClass> areVisibleToHosts() {
    return DescribedPredicate.describe(
        "are public types outside internal packages",
        c -> LibraryModule.owning(c).isPresent() && isVisibleToHosts(c));
  }

  private static boolean isVisibleToHosts(JavaClass javaClass) {
    if (isInternal(javaClass) || javaClass.isAnonymousClass() || javaClass.isLocalClass()) {
      return false;
    }
    for (Optional<JavaClass> c = Optional.of(javaClass);
        c.isPresent();
        c = c.get().getEnclosingClass()) {
      if (!isVisible(c.get().getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean isInternal(JavaClass javaClass) {
    String packageName = javaClass.getBaseComponentType().getPackageName();
    return packageName.startsWith("io.github.quotemailer.")
        && Arrays.asList(packageName.split("\\.")).contains("internal");
  }

  private static ArchCondition<JavaClass> useNoInternalClassOfAnotherModule() {
    return new ArchCondition<>("use no internal class of another module") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<LibraryModule> own = LibraryModule.owning(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          Optional<LibraryModule> owner = LibraryModule.owning(target);
          if (isInternal(target) && owner.isPresent() && !owner.equals(own)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    own.get().artifactId()
                        + " uses "
                        + owner.get().artifactId()
                        + "'s internals: "
                        + dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoInternalTypeInTheirSignatures() {
    return new ArchCondition<>("expose no internal type in their public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
        type.getSuperclass().ifPresent(supertypes::add);
        type.getTypeParameters().forEach(p -> supertypes.addAll(p.getUpperBounds()));
        for (JavaType supertype : supertypes) {
          reportInternal(supertype, type.getName() + " supertype or type bound", type, events);
        }
        for (JavaField field : type.getFields()) {
          if (isExposed(field)) {
            reportInternal(field.getType(), field.getFullName(), type, events);
          }
        }
        for (JavaCodeUnit codeUnit : type.getCodeUnits()) {
          if (!isExposed(codeUnit)) {
            continue;
          }
          String where = codeUnit.getFullName();
          reportInternal(codeUnit.getReturnType(), where + " return type", type, events);
          codeUnit
              .getParameterTypes()
              .forEach(p -> reportInternal(p, where + " parameter", type, events));
          codeUnit
              .getTypeParameters()
              .forEach(
                  p ->
                      p.getUpperBounds()
                          .forEach(b -> reportInternal(b, where + " type bound", type, events)));
          for (ThrowsDeclaration<? extends JavaCodeUnit> thrown : codeUnit.getThrowsClause()) {
            reportInternal(thrown.getRawType(), where + " throws clause", type, events);
          }
        }
      }
    };
  }

  private static boolean isExposed(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return isVisible(modifiers)
        && !modifiers.contains(JavaModifier.SYNTHETIC)
        && !modifiers.contains(JavaModifier.BRIDGE);
  }

  private static void reportInternal(
      JavaType signatureType, String where, JavaClass owner, ConditionEvents events) {
    for (JavaClass involved : signatureType.getAllInvolvedRawTypes()) {
      if (isInternal(involved)) {
        events.add(
            SimpleConditionEvent.violated(
                owner, where + " mentions internal type " + involved.getName()));
      }
    }
  }
}
