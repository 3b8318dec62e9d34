// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project, written from scratch outside the repository: it imports only the BOM,
 * depends on the SDK (and the test kit for its test), compiles its main code for Java 8 and runs
 * a client + waiter call against the emulator, through its own Maven build.
 */
class ConsumerProjectTest {
  @TempDir Path project;

  @Test
  void aThrowAwayProjectBuildsAgainstTheBomAndRunsACall() throws Exception {
    String version = System.getProperty("sdk.version");
    Path main = project.resolve("src/main/java/example");
    Path test = project.resolve("src/test/java/example");
    Files.createDirectories(main);
    Files.createDirectories(test);
    Files.write(project.resolve("pom.xml"), pom(version).getBytes(StandardCharsets.UTF_8));
    Files.write(main.resolve("JobStatusReporter.java"), String.join("\n",
        "package example;",
        "import io.sfsturbo.jobs.SfsTurboJobsClient;",
        "import io.sfsturbo.jobs.waiter.JobWaiter;",
        "import io.sfsturbo.jobs.waiter.WaitOptions;",
        "import java.time.Duration;",
        "public final class JobStatusReporter {",
        "  public static String finalStatus(SfsTurboJobsClient client, String jobId) {",
        "    return client.waiter().waitFor(jobId, WaitOptions.builder()",
        "        .pollInterval(Duration.ofMillis(10)).build()).job().status().value();",
        "  }",
        "}").getBytes(StandardCharsets.UTF_8));
    Files.write(test.resolve("JobStatusReporterTest.java"), String.join("\n",
        "package example;",
        "import static org.junit.jupiter.api.Assertions.assertEquals;",
        "import io.sfsturbo.jobs.SfsTurboJobsClient;",
        "import io.sfsturbo.jobs.testkit.JobScript;",
        "import io.sfsturbo.jobs.testkit.SfsTurboEmulator;",
        "import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;",
        "import org.junit.jupiter.api.Test;",
        "import org.junit.jupiter.api.extension.RegisterExtension;",
        "class JobStatusReporterTest {",
        "  @RegisterExtension static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();",
        "  @Test void reportsTheFinalStatus(SfsTurboEmulator emulator, SfsTurboJobsClient client) {",
        "    emulator.addJob(JobScript.builder(\"job-1\").status(\"running\", 2).succeeds().build());",
        "    assertEquals(\"success\", JobStatusReporter.finalStatus(client, \"job-1\"));",
        "  }",
        "}").getBytes(StandardCharsets.UTF_8));

    // The same local repository as the outer build, which has just installed the SDK there. The build also
    // writes the runtime class path of the SDK, for the module-path check below.
    String log = run(project, "build.log", "mvn", "-B", "test", "dependency:build-classpath",
        "-DincludeScope=runtime", "-Dmdep.outputFile=runtime-path.txt",
        "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
    assertTrue(log.contains("Tests run: 1, Failures: 0, Errors: 0"), log);
    assertTrue(log.contains("BUILD SUCCESS"), log);

    // The same published jars on the module path, used by a named module: a package split between two jars
    // (the generated client's and the SDK's, or either and a dependency) fails resolution here.
    String modulePath = new String(Files.readAllBytes(project.resolve("runtime-path.txt")), StandardCharsets.UTF_8)
        .trim();
    assertTrue(modulePath.contains("sfsturbo-jobs-generated") && modulePath.contains("sfsturbo-jobs-sdk"), modulePath);
    Path user = project.resolve("module-user");
    Files.createDirectories(user.resolve("example/user"));
    Files.write(user.resolve("module-info.java"), String.join("\n",
        "module example.user {",
        "  requires io.sfsturbo.jobs;",
        "  requires io.sfsturbo.jobs.generated;",
        "  requires jdk.httpserver;",
        "}").getBytes(StandardCharsets.UTF_8));
    Files.write(user.resolve("example/user/Main.java"), String.join("\n",
        "package example.user;",
        "import com.sun.net.httpserver.HttpServer;",
        "import io.sfsturbo.jobs.SfsTurboJobsClient;",
        "import io.sfsturbo.jobs.auth.TokenCredentials;",
        "import io.sfsturbo.jobs.model.JobDetail;",
        "import io.sfsturbo.jobs.text.SafeText;",
        "import java.net.InetSocketAddress;",
        "import java.nio.charset.StandardCharsets;",
        "public final class Main {",
        "  public static void main(String[] args) throws Exception {",
        "    HttpServer server = HttpServer.create(new InetSocketAddress(\"127.0.0.1\", 0), 0);",
        "    byte[] body = \"{\\\"job_id\\\":\\\"j-1\\\",\\\"status\\\":\\\"success\\\"}\".getBytes(StandardCharsets.UTF_8);",
        "    server.createContext(\"/\", exchange -> {",
        "      exchange.getResponseHeaders().add(\"Content-Type\", \"application/json\");",
        "      exchange.sendResponseHeaders(200, body.length);",
        "      exchange.getResponseBody().write(body);",
        "      exchange.close();",
        "    });",
        "    server.start();",
        "    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()",
        "        .endpoint(\"http://127.0.0.1:\" + server.getAddress().getPort()).httpConfiguration(h -> h.allowInsecureHttp(true))",
        "        .projectId(\"p\").credentials(TokenCredentials.of(\"t\")).build()) {",
        "      JobDetail job = client.showJobDetail(\"j-1\");",
        "      System.out.println(\"module path ok: \" + SafeText.escape(job.statusAsString()));",
        "    } finally {",
        "      server.stop(0);",
        "    }",
        "  }",
        "}").getBytes(StandardCharsets.UTF_8));
    String javaHome = System.getProperty("java.home");
    Path classes = project.resolve("module-classes");
    run(project, "module-javac.log", javaHome + "/bin/javac", "--module-path", modulePath, "-d", classes.toString(),
        user.resolve("module-info.java").toString(), user.resolve("example/user/Main.java").toString());
    String out = run(project, "module-run.log", javaHome + "/bin/java", "--module-path",
        classes + java.io.File.pathSeparator + modulePath, "-m", "example.user/example.user.Main");
    assertTrue(out.contains("module path ok: success"), out);
    run(project, "validate-modules.log", javaHome + "/bin/java", "--module-path", modulePath, "--validate-modules");
  }

  private static String run(Path dir, String logName, String... command) throws Exception {
    Process p = new ProcessBuilder(Arrays.asList(command)).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(logName).toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not finish: " + String.join(" ", command));
    String log = new String(Files.readAllBytes(dir.resolve(logName)), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + log);
    return log;
  }

  @Test
  void bomVersionFollowsTheBuildAndPublishedJarsAreJava8WithModuleNames() throws Exception {
    Path root = Paths.get(System.getProperty("sfsturbo.root"));
    String bom = new String(Files.readAllBytes(root.resolve("bom/pom.xml")), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<artifactId>sfsturbo-jobs-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(bom);
    assertTrue(m.find());
    assertEquals(System.getProperty("sdk.version"), m.group(1), "bom/pom.xml's version must follow the parent's");
    String[][] jars = {{"sdk-extensions", "sfsturbo-jobs-sdk", "io.sfsturbo.jobs", "io/sfsturbo/jobs/SfsTurboJobsClient.class"},
        {"sdk-generated", "sfsturbo-jobs-generated", "io.sfsturbo.jobs.generated", "io/sfsturbo/jobs/model/JobDetail.class"},
        {"sdk-generated", "sfsturbo-jobs-generated", "io.sfsturbo.jobs.generated", "io/sfsturbo/jobs/api/JobsApi.class"},
        {"sdk-testkit", "sfsturbo-jobs-testkit", "io.sfsturbo.jobs.testkit",
            "io/sfsturbo/jobs/testkit/SfsTurboEmulator.class"},
        {"micrometer", "sfsturbo-jobs-micrometer", "io.sfsturbo.jobs.micrometer",
            "io/sfsturbo/jobs/micrometer/MicrometerTelemetry.class"},
        {"opentelemetry", "sfsturbo-jobs-opentelemetry", "io.sfsturbo.jobs.opentelemetry",
            "io/sfsturbo/jobs/opentelemetry/OpenTelemetryTelemetry.class"},
        {"temporal", "sfsturbo-jobs-temporal", "io.sfsturbo.jobs.temporal",
            "io/sfsturbo/jobs/temporal/SfsTurboJobActivitiesImpl.class"}};
    for (String[] j : jars) {
      Path target = root.resolve(j[0]).resolve("target");
      String base = j[1] + "-" + System.getProperty("sdk.version");
      try (JarFile jar = new JarFile(target.resolve(base + ".jar").toFile())) {
        assertEquals(j[2], jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        byte[] head = new byte[8];
        try (java.io.InputStream in = jar.getInputStream(jar.getEntry(j[3]))) {
          assertEquals(8, in.read(head));
        }
        assertEquals(52, head[7], j[3] + " must be Java 8 bytecode");
      }
      assertTrue(Files.exists(target.resolve(base + "-sources.jar")), base + "-sources.jar");
      assertTrue(Files.exists(target.resolve(base + "-javadoc.jar")), base + "-javadoc.jar");
    }
  }

  private static String pom(String version) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <groupId>example</groupId><artifactId>consumer</artifactId><version>1</version>\n"
        + "  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>\n"
        + "  <dependencyManagement><dependencies>\n"
        + "    <dependency><groupId>io.sfsturbo</groupId><artifactId>sfsturbo-jobs-bom</artifactId>"
        + "<version>" + version + "</version><type>pom</type><scope>import</scope></dependency>\n"
        + "  </dependencies></dependencyManagement>\n"
        + "  <dependencies>\n"
        + "    <dependency><groupId>io.sfsturbo</groupId><artifactId>sfsturbo-jobs-sdk</artifactId></dependency>\n"
        + "    <dependency><groupId>io.sfsturbo</groupId><artifactId>sfsturbo-jobs-testkit</artifactId>"
        + "<scope>test</scope></dependency>\n"
        + "    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>"
        + "<version>" + System.getProperty("junit.version") + "</version><scope>test</scope></dependency>\n"
        + "  </dependencies>\n"
        + "  <build><plugins>\n"
        + "    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>\n"
        + "    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>\n"
        + "      <executions><execution><id>default-compile</id><configuration><release>8</release></configuration>"
        + "</execution><execution><id>default-testCompile</id><configuration><release>17</release></configuration>"
        + "</execution></executions></plugin>\n"
        + "    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>\n"
        + "    <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>\n"
        + "  </plugins></build>\n"
        + "</project>\n";
  }
}
