package io.github.quotemailer.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What the machine was like during a run, for the report: load average, process CPU time, the
 * processor, memory, system and Java, and versions of libraries on the class path. On a shared
 * machine these say how much a figure can be trusted. Values that cannot be read are "unknown".
 */
final class RunConditions {
  private static final String UNKNOWN = "unknown";

  private RunConditions() {}

  /** The 1, 5 and 15 minute load averages, e.g. "2.33 2.10 1.90" (Linux {@code /proc}). */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return oneMinute < 0 ? UNKNOWN : String.format(Locale.ROOT, "%.2f", oneMinute);
    }
  }

  /** CPU seconds this JVM has used so far, all threads (NaN where the JVM does not say). */
  static double processCpuSeconds() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean withCpuTime) {
      return withCpuTime.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** Processors available to the JVM (what {@code nproc} prints). */
  static int processors() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The processor's model name, from {@code /proc/cpuinfo}. */
  static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name", ":");
  }

  /** Total memory, e.g. "23 GiB", from {@code /proc/meminfo}. */
  static String memory() {
    String kibibytes = firstValue(Path.of("/proc/meminfo"), "MemTotal", ":");
    try {
      long kib = Long.parseLong(kibibytes.replace("kB", "").trim());
      return (kib / (1024 * 1024)) + " GiB";
    } catch (NumberFormatException e) {
      return UNKNOWN;
    }
  }

  /** The operating system's name, from {@code /etc/os-release}. */
  static String operatingSystem() {
    return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", "=").replace("\"", "");
  }

  /** The running Java, e.g. "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 (mixed mode)". */
  static String java() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.info")
        + ")";
  }

  /** The version of a library on the class path, from the pom.properties Maven packs in jars. */
  static String libraryVersion(String groupId, String artifactId) {
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = RunConditions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static String firstValue(Path file, String key, String separator) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        int at = line.indexOf(separator);
        if (at > 0 && line.substring(0, at).trim().equals(key)) {
          return line.substring(at + separator.length()).trim();
        }
      }
      return UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }
}
